package org.tutorgraph.cli.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Plain text in and out, for {@code --plain} and whenever stdin is not a terminal: reads UTF-8 lines (bytes that are not
 * UTF-8 become U+FFFD), prints the prompt, and when the input is not typed at a terminal echoes each line after it so
 * that the output reads as a transcript. No colours, no cursor movement.
 */
final class PlainIo implements ChatIo {

    private final BoundedLines lines;
    private final PrintWriter out;
    private final boolean echo;

    PlainIo(InputStream in, PrintWriter out, boolean echo) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.lines = new BoundedLines(new BufferedReader(new InputStreamReader(in, decoder)));
        this.out = out;
        this.echo = echo;
    }

    @Override
    public Optional<Line> readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            Optional<Line> line = lines.next();
            if (echo) out.println(line.map(l -> org.tutorgraph.cli.Terminal.safe(l.text())).orElse(""));
            out.flush();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void print(String text, Style style) {
        out.print(text);
        out.flush();
    }

    @Override
    public void stream(String chunk) {
        out.print(chunk);
        out.flush();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }
}
