package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * What the student sent: the first message of every turn.
 *
 * @param kind      free text, or one of the commands that act on the session
 * @param text      as typed (cut at {@link #MAX_TEXT} characters); commands keep their slash form
 * @param truncated whether the text was cut
 */
public record StudentTurn(Kind kind, String text, boolean truncated) implements SessionMessage {

    /** Longest text kept; a longer line is cut (the agents see the cut text, the record says so). */
    public static final int MAX_TEXT = 4_000;

    /** What kind of input it is. */
    public enum Kind {
        /** Free text: an answer, a question, a demand; the agent on duty decides. */
        TEXT,
        /** {@code /hint}: the next rung of the ladder. */
        HINT,
        /** {@code /skip}: leave the current concept for now. */
        SKIP,
        /** {@code /goal} or the goal chosen at the start. */
        GOAL
    }

    public StudentTurn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** A turn from raw input, cut to {@link #MAX_TEXT} characters (never inside a surrogate pair). */
    public static StudentTurn of(Kind kind, String raw) {
        String text = raw == null ? "" : raw;
        if (text.length() <= MAX_TEXT) return new StudentTurn(kind, text, false);
        int end = MAX_TEXT;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return new StudentTurn(kind, text.substring(0, end), true);
    }
}
