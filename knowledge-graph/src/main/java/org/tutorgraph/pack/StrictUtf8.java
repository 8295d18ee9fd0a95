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
 * A leading byte-order mark is dropped. One pass, O(n).
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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int offset = in.position();
            return new BadByte(offset, lineOf(bytes, offset));
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return new Text(text);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
