package org.tutorgraph.learner;

import java.util.regex.Pattern;

/**
 * A learner's identifier: 1 to 64 characters from a short safe alphabet (letters, digits, {@code . _ -}), starting
 * with a letter or digit. Anything else is refused here, before it can reach a file name, a query or a terminal.
 */
public record LearnerId(String value) {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public LearnerId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(describeProblem(value));
        }
    }

    /** Parses a user-supplied id; the exception's message is fit to show the user. */
    public static LearnerId of(String value) {
        return new LearnerId(value);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    private static String describeProblem(String value) {
        if (value == null || value.isEmpty()) return "learner id is empty: use 1-64 letters, digits, '.', '_' or '-'";
        if (value.length() > 64) return "learner id is longer than 64 characters";
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) shown.appendCodePoint(cp);
            else shown.append(String.format("\\u%04x", cp));
        });
        if (value.length() > 40) shown.append("...");
        return "invalid learner id '" + shown + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    }

    @Override
    public String toString() {
        return value;
    }
}
