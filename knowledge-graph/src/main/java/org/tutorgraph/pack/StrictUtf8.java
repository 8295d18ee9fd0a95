package org.tutorgraph.pack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as UTF-8 and refuses anything else, saying on which line the first bad byte is: course packs and
 * imported sources must not be silently mis-read (a Latin-1 "é" would otherwise become U+FFFD in a concept name).
 * A leading byte-order mark is dropped. Two passes (validate in chunks, then decode), O(n), no buffer of the
 * file's size besides the result.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The decoded text, or where decoding failed. */
    public sealed interface Result permits Text, BadByte {
    }

    public record Text(String text) implements Result {
    }

    /**
     * @param offset 0-based offset of the first byte that is not valid UTF-8
     * @param line   1-based line that byte is on
     */
    public record BadByte(int offset, int line) implements Result {
        public String message() {
            return "file is not valid UTF-8 (first bad byte at offset " + offset + "); save it as UTF-8";
        }
    }

    public static Result decode(byte[] bytes) {
        // Validate in small chunks, then decode once: peak memory is the bytes plus the string, not a char buffer
        // twice the file's size on top (a 60 MB file in a 256 MB heap).
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chunk = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, chunk, true);
            if (r.isError()) return new BadByte(in.position(), lineOf(bytes, in.position()));
            if (r.isUnderflow()) break;
            chunk.clear();
        }
        CoderResult r = decoder.flush(chunk);
        if (r.isError()) return new BadByte(in.position(), lineOf(bytes, in.position()));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return new Text(text);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
