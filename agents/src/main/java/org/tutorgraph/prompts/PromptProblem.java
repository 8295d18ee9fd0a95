package org.tutorgraph.prompts;

/**
 * A problem found in a template file, located by file and line so an educator can go straight to it.
 *
 * @param file     where the template lives (a path, or {@code default:…} for a shipped template)
 * @param line     1-based line, or 0 when the problem concerns the whole file or library
 * @param severity an error makes the template unusable (the library keeps the previous or the default one)
 * @param message  what is wrong and, where possible, how to fix it
 */
public record PromptProblem(String file, int line, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING;

        public String word() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public static PromptProblem error(String file, int line, String message) {
        return new PromptProblem(file, line, Severity.ERROR, message);
    }

    public static PromptProblem warning(String file, int line, String message) {
        return new PromptProblem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: error: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.word() + ": " + message;
    }
}
