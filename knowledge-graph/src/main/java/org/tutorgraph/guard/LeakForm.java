package org.tutorgraph.guard;

import java.util.Locale;

/** The form in which a message reveals a protected answer. */
public enum LeakForm {
    INTEGER, DECIMAL, FRACTION, MIXED_NUMBER, PERCENT, NUMBER_WORDS,
    /** An expression equivalent by value ({@code 12 + 4x} for {@code 4x + 12}). */
    EXPRESSION,
    /** An equivalent equation ({@code 2 = x} for {@code x = 2}). */
    EQUATION,
    /** The text of the correct choice. */
    CHOICE_TEXT,
    /** A statement naming the correct choice's letter ({@code the answer is B}). */
    CHOICE_LETTER,
    /** A free-text answer's words. */
    TEXT;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
