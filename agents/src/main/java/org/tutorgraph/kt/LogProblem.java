package org.tutorgraph.kt;

import java.nio.file.Path;

/**
 * One thing wrong with a response log: where (file and 1-based line; 0 when the whole file is concerned) and what.
 */
public record LogProblem(Path file, long line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
