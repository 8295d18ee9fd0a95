package org.tutorgraph.answer;

import org.tutorgraph.graph.Misconception;

import java.util.Objects;
import java.util.Optional;

/** What {@link AnswerChecker} decided about a learner's attempt. */
public sealed interface CheckResult {

    /** Whether the attempt is right. */
    default boolean isCorrect() {
        return this instanceof Correct;
    }

    /** Whether the attempt was read as one definite answer (right or wrong): what counts as a real attempt. */
    default boolean isDefinite() {
        return this instanceof Correct || this instanceof Incorrect;
    }

    /**
     * The attempt is right.
     *
     * @param accepted the accepted answer it matched, as the course wrote it
     */
    record Correct(String accepted) implements CheckResult {
        public Correct {
            Objects.requireNonNull(accepted, "accepted");
        }
    }

    /**
     * The attempt is one definite answer and it is wrong.
     *
     * @param misconception the item's misconception whose wrong answer it matches, if any
     * @param shortfall     {@link Shortfall#UNFINISHED} when it is equivalent to the answer but not in the asked form
     */
    record Incorrect(Optional<Misconception> misconception, Shortfall shortfall) implements CheckResult {
        public Incorrect {
            Objects.requireNonNull(misconception, "misconception");
            Objects.requireNonNull(shortfall, "shortfall");
        }

        public static Incorrect plain() {
            return new Incorrect(Optional.empty(), Shortfall.NONE);
        }
    }

    /**
     * The attempt cannot be graded as one answer: several answers, no answer at all, or a comparison that could not
     * decide. A model-backed grader may decide later; the offline tutor asks the learner to commit to one answer.
     */
    record Ambiguous(Ambiguity kind, String reason) implements CheckResult {
        public Ambiguous {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The attempt does not read as an answer of the item's type ({@code banana} for a number item). */
    record Unreadable(String reason) implements CheckResult {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a wrong answer is close. */
    enum Shortfall {
        /** Just wrong. */
        NONE,
        /** Equivalent to the answer but not finished: {@code 12 - 7} for 5, {@code 2x = 4} for {@code x = 2}, the prompt's own expression. */
        UNFINISHED
    }

    /** Why an attempt is {@link Ambiguous}. */
    enum Ambiguity {
        /** More than one candidate answer: {@code 5 or 6}, {@code x=3 and x=4}, {@code 5 6}. */
        SEVERAL_ANSWERS,
        /** Blank, {@code idk}, {@code no idea}: not an attempt at all. */
        NO_ANSWER,
        /** One answer, but the comparison could not decide (e.g. undefined at almost every sample point). */
        UNDECIDED
    }
}
