package org.tutorgraph.pack;

/**
 * One thing wrong with a course pack, located as precisely as the parser allows.
 *
 * @param file    the file, relative to the pack folder (e.g. {@code concepts.yaml})
 * @param line    1-based line, or 0 when the problem is not tied to a line
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong, phrased for the educator who must fix it
 */
public record PackProblem(String file, int line, int column, String message) {

    public static PackProblem at(String file, int line, String message) {
        return new PackProblem(file, line, 0, message);
    }

    /** {@code file:line:column: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
