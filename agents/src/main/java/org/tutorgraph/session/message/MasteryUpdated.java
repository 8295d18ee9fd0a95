package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * A concept's mastery after new evidence. Its JSON follows the store's mastery contract
 * ({@link org.tutorgraph.learner.MasteryEvents}: {@code concept}, {@code posterior}, {@code evidence}), so the store
 * keeps its mastery view up to date from these events.
 *
 * @param concept   the concept id
 * @param posterior P(mastered) in [0, 1]
 * @param evidence  graded answers on this very concept so far
 * @param pUnknown  P(not mastered), kept apart from {@code 1 - posterior} for precision (a long run of right answers
 *                  rounds the posterior to 1.0 while this stays informative; see {@link org.tutorgraph.kt.BktParams})
 * @param correct   how many of the {@code evidence} answers were right
 * @param cause     what produced the update
 */
public record MasteryUpdated(String concept, double posterior, int evidence, double pUnknown, int correct, Cause cause)
        implements SessionMessage {

    /** What produced the update. */
    public enum Cause {
        /** The diagnosis' posterior (propagated along prerequisites). */
        DIAGNOSIS,
        /** Knowledge tracing of an answer in practice (BKT). */
        PRACTICE
    }

    public MasteryUpdated {
        Objects.requireNonNull(concept, "concept");
        if (!(posterior >= 0 && posterior <= 1)) throw new IllegalArgumentException("posterior must be in [0, 1]: " + posterior);
        if (!(pUnknown >= 0 && pUnknown <= 1)) throw new IllegalArgumentException("pUnknown must be in [0, 1]: " + pUnknown);
        if (evidence < 0 || correct < 0 || correct > evidence) {
            throw new IllegalArgumentException("need 0 <= correct <= evidence, got " + correct + "/" + evidence);
        }
        Objects.requireNonNull(cause, "cause");
    }
}
