package org.tutorgraph.tutor;

/** Why the tutor is speaking this turn: what the feedback part of the reply responds to. */
public enum Situation {
    /** The answer is right. */
    CORRECT,
    /** A wrong answer. */
    INCORRECT,
    /** A wrong answer that matches one of the item's misconceptions. */
    MISCONCEPTION,
    /** Equivalent to the answer but not finished ({@code 12 - 7}, {@code 2x = 4}). */
    UNFINISHED,
    /** The same wrong answer as before. */
    REPEATED,
    /** The learner asked for a hint. */
    HINT_REQUESTED,
    /** The learner asked for another hint but must try first (held at scaffold). */
    HINT_HELD,
    /** "I don't know", blank. */
    NO_ANSWER,
    /** Several answers in one ("5 or 6"). */
    SEVERAL_ANSWERS,
    /** Not readable as an answer of the item's type. */
    UNREADABLE,
    /** A demand for the answer or an attempt to bend the rules. */
    DEMAND,
    /** Small talk or an off-step question. */
    CHAT,
    /** The step is already solved or revealed. */
    FINISHED
}
