package org.tutorgraph.kt;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a response log, decoded strictly as UTF-8 one line at a time, so that a bad byte is reported on its own
 * line ({@link java.io.BufferedReader} decodes thousands of characters ahead and its {@code MalformedInputException}
 * says neither where nor what), and with a bound on a line's length, so that a file without line breaks cannot
 * exhaust memory. Line breaks are LF or CR LF; a byte-order mark before the first line is dropped. O(file size).
 */
final class LogLines implements Closeable {

    /**
     * Longest line accepted, in bytes. A DKT line holds every answer of one student (about 4 bytes each), so this
     * allows millions of answers per student while keeping a line's decoding within a few tens of megabytes.
     */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private long lineNumber;
    private boolean eof;

    LogLines(Path file) throws IOException {
        this(file, MAX_LINE_BYTES);
    }

    LogLines(Path file, int maxLineBytes) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line {@link #next()} returned last (1-based; 0 before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its line break, or null at the end of the file.
     *
     * @throws LogFormatException when the line is not UTF-8 or is longer than the bound (with file and line)
     */
    String next() throws IOException, LogFormatException {
        if (eof) return null;
        int length = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (length == maxLineBytes) {
                tooLong = true;
                continue; // skip to the end of the line, keeping memory bounded
            }
            if (length == buffer.length) buffer = Arrays.copyOf(buffer, (int) Math.min((long) length * 2, maxLineBytes));
            buffer[length++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (length == 0 && !tooLong) return null;
        }
        lineNumber++;
        if (tooLong) throw problem("line is longer than " + maxLineBytes + " bytes; is this a response log?");
        if (length > 0 && buffer[length - 1] == '\r') length--;
        int from = lineNumber == 1 && length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                && (buffer[2] & 0xff) == 0xBF ? 3 : 0;
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(buffer, from, length - from);
        CharBuffer chars = CharBuffer.allocate(length - from);
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) r = decoder.flush(chars);
        if (r.isError()) {
            throw problem("not valid UTF-8 (byte " + (bytes.position() + 1) + " of the line is not); save the file as UTF-8");
        }
        return chars.flip().toString();
    }

    private LogFormatException problem(String message) {
        return new LogFormatException(List.of(new LogProblem(file, lineNumber, message)));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
