package org.tutorgraph.tutor;

import org.tutorgraph.graph.Rung;

import java.util.Objects;
import java.util.Optional;

/**
 * The hint ladder's answer to an event.
 *
 * @param state   the state after the event
 * @param shown   the rung the tutor should show now (empty: no hint this turn)
 * @param outcome what happened
 */
public record LadderStep(LadderState state, Optional<Rung> shown, Outcome outcome) {

    public LadderStep {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What an event did to the ladder. */
    public enum Outcome {
        /** The learner answered correctly: the step is solved. */
        SOLVED,
        /** The ladder rose one rung (or to the probe for a recognised misconception). */
        CLIMBED,
        /** The ladder would rise but is held at scaffold until enough genuine attempts; the current rung is shown again. */
        HELD,
        /** Nothing moved (an unreadable or ambiguous answer, a demand, small talk). */
        STAYED,
        /** The step was already solved or revealed. */
        CLOSED
    }
}
