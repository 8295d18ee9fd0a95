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
    TEXT,
    /**
     * The answer in a form a learner decodes with no effort: base64, reversed, spelled out, another language's number
     * words, Roman numerals, another base, ROT13, leetspeak, arithmetic in words (see {@code Decodings}).
     */
    ENCODED,
    /**
     * A statement that narrows the answer down without stating it: too high / too low, "the answer is between 3 and
     * 5", a digit of it, or every other choice ruled out. A learner cycling guesses would harvest the answer from it.
     */
    DISCLOSURE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
