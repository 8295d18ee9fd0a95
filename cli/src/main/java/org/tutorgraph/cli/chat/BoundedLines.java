package org.tutorgraph.cli.chat;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads lines with bounded memory: a line longer than {@link #MAX_LINE} characters is cut there and the rest of it is
 * read and dropped, so a megabyte (or a gigabyte) pasted on one line costs a fixed buffer. Line ends: {@code \n},
 * {@code \r\n} or {@code \r}. O(n) in the characters read.
 */
final class BoundedLines {

    /** Longest line kept (the session keeps at most 4,000 characters of a turn anyway). */
    static final int MAX_LINE = 16_384;

    private final Reader in;
    private int pushedBack = -2;

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line, or empty at the end of the input. */
    Optional<ChatIo.Line> next() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean truncated = false;
        int c = read();
        if (c < 0) return Optional.empty();
        while (c >= 0 && c != '\n' && c != '\r') {
            if (sb.length() < MAX_LINE) sb.append((char) c);
            else truncated = true;
            c = read();
        }
        if (c == '\r') {
            int n = read();
            if (n != '\n' && n >= 0) pushedBack = n;
        }
        return Optional.of(new ChatIo.Line(sb.toString(), truncated));
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
