package org.tutorgraph.graph;

import java.util.Objects;

/**
 * One authored rung of an item's hint ladder.
 *
 * @param rung   which rung it is
 * @param text   what the tutor says on this rung
 * @param answer the answer of the rung's own sub-problem (scaffolds), or {@code null}; it must not leak on lower rungs
 */
public record HintRung(Rung rung, String text, String answer) {
    public HintRung {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(text, "text");
    }

    public static HintRung of(Rung rung, String text) {
        return new HintRung(rung, text, null);
    }
}
