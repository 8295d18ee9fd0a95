package org.tutorgraph.learner;

import java.util.regex.Pattern;

/**
 * Session ids: 1 to 128 characters from letters, digits and {@code . _ : -}, starting with a letter or digit (a UUID,
 * or a timestamp such as {@code 2025-01-31T10:15:00Z-3f2a}). Checked before they reach a query or a terminal.
 */
public final class SessionIds {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private SessionIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** Returns {@code id} when valid; otherwise throws with a message fit to show the user. */
    public static String requireValid(String id) {
        if (isValid(id)) return id;
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("session id is empty");
        if (id.length() > 128) throw new IllegalArgumentException("session id is longer than 128 characters");
        StringBuilder shown = new StringBuilder();
        id.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) shown.appendCodePoint(cp);
            else shown.append(String.format("\\u%04x", cp));
        });
        if (id.length() > 40) shown.append("...");
        throw new IllegalArgumentException("invalid session id '" + shown
                + "': use 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
}
