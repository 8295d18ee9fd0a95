package org.tutorgraph.session.message;

import org.tutorgraph.graph.Rung;

import java.util.Objects;

/**
 * A rung of the item's hint ladder was shown (the learning record's "asked for a hint" event).
 *
 * @param item      the item
 * @param rung      the rung shown
 * @param requested true when the learner asked ({@code /hint}, "I'm stuck", "I don't know"), false when a wrong answer
 *                  raised it
 */
public record HintGiven(String item, Rung rung, boolean requested) implements SessionMessage {
    public HintGiven {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rung, "rung");
    }
}
