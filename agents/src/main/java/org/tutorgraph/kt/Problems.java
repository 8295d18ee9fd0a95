package org.tutorgraph.kt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects a reader's problems; {@link #full()} tells it to stop after {@link LogFormatException#MAX_PROBLEMS}. */
final class Problems {
    private final Path file;
    private final List<LogProblem> list = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(long line, String message) {
        if (list.size() < LogFormatException.MAX_PROBLEMS) list.add(new LogProblem(file, line, message));
    }

    boolean full() {
        return list.size() >= LogFormatException.MAX_PROBLEMS;
    }

    boolean any() {
        return !list.isEmpty();
    }

    void throwIfAny() throws LogFormatException {
        if (!list.isEmpty()) throw new LogFormatException(list);
    }

    /** Quotes a value for a message, shortened so that a binary file does not flood the terminal. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + v + "'";
    }
}
