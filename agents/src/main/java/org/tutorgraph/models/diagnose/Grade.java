package org.tutorgraph.models.diagnose;

import org.tutorgraph.models.call.ModelFailure;

import java.util.Objects;
import java.util.Optional;

/** The Diagnostician's verdict on a free-text answer that deterministic checking could not decide. */
public sealed interface Grade {

    /**
     * The model decided, sure enough to be used.
     *
     * @param correct    whether the answer means the same as an accepted answer
     * @param confidence how sure the model said it was (at least the grader's minimum)
     * @param reason     the model's one-sentence reason (for the trace; not shown to the student)
     */
    record Graded(boolean correct, Confidence confidence, String reason) implements Grade {
        public Graded {
            Objects.requireNonNull(confidence, "confidence");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * No verdict: no model, the model was unsure, or its reply was unusable. The session treats the attempt as
     * ungraded: no mastery update, never a guessed probability.
     *
     * @param reason  why, one line, safe to print
     * @param failure the model failure behind it, if any
     */
    record Ungraded(String reason, Optional<ModelFailure> failure) implements Grade {
        public Ungraded {
            reason = reason == null ? "" : reason;
            failure = failure == null ? Optional.empty() : failure;
        }
    }
}
