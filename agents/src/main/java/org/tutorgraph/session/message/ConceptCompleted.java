package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * The tutor is done with a concept of the plan.
 *
 * @param concept the concept
 * @param outcome mastered, or its items ran out before mastery (the tutor moves on and says so)
 * @param mastery its posterior now
 */
public record ConceptCompleted(String concept, Outcome outcome, double mastery) implements SessionMessage {

    /** Why the tutor is done with it. */
    public enum Outcome {
        /** The posterior reached the mastery threshold. */
        MASTERED,
        /** Every item of the concept was practised and it is not mastered yet. */
        ITEMS_EXHAUSTED,
        /** The course has no item to practise it with. */
        NO_ITEMS
    }

    public ConceptCompleted {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(outcome, "outcome");
    }
}
