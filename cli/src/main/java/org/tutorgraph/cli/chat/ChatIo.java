package org.tutorgraph.cli.chat;

import java.util.Optional;

/**
 * The chat's terminal: lines in, text out. {@link PlainIo} reads stdin line by line and prints plain text (scripts,
 * tests, pipes); {@link JLineIo} is the interactive REPL (line editing, history). Everything printed has already been
 * through {@link org.tutorgraph.cli.Terminal#safe}.
 */
interface ChatIo extends AutoCloseable {

    /** How a piece of text is shown (the interactive terminal styles them; plain output does not). */
    enum Style { NORMAL, TUTOR, QUIET }

    /** Reads one line after showing {@code prompt}; empty at the end of the input. */
    Optional<Line> readLine(String prompt);

    /** Prints text (already sanitised) as is. */
    void print(String text, Style style);

    /** Prints a chunk of the tutor's words as they are generated (already sanitised). */
    void stream(String chunk);

    /** Whether this is the interactive terminal (JLine). */
    boolean interactive();

    @Override
    void close();

    /**
     * A line of input.
     *
     * @param text      the line, cut to {@link BoundedLines#MAX_LINE} characters
     * @param truncated whether it was longer
     */
    record Line(String text, boolean truncated) {
    }
}
