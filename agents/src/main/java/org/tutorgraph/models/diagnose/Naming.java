package org.tutorgraph.models.diagnose;

import org.tutorgraph.graph.Misconception;
import org.tutorgraph.models.call.ModelFailure;

import java.util.Objects;
import java.util.Optional;

/** Which of the item's known misconceptions explains a wrong answer, according to the model. */
public sealed interface Naming {

    /**
     * One of the item's own misconceptions (never an invented one).
     *
     * @param misconception the misconception, from the item's list
     * @param confidence    how sure the model said it was
     * @param reason        the model's one-sentence reason (for the trace)
     */
    record Named(Misconception misconception, Confidence confidence, String reason) implements Naming {
        public Named {
            Objects.requireNonNull(misconception, "misconception");
            Objects.requireNonNull(confidence, "confidence");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * None: the item lists none, the model chose "none" or was unsure, no model, or an unusable reply.
     *
     * @param reason  why, one line
     * @param failure the model failure behind it, if any
     */
    record Unnamed(String reason, Optional<ModelFailure> failure) implements Naming {
        public Unnamed {
            reason = reason == null ? "" : reason;
            failure = failure == null ? Optional.empty() : failure;
        }
    }
}
