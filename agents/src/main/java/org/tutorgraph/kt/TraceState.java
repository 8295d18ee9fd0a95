package org.tutorgraph.kt;

import java.time.Instant;

/**
 * A learner's knowledge-tracing state for one concept: P(known) before the next answer, and the evidence so far.
 * Immutable (a persistent value): each answer yields a new state, so states can be stored, shared and replayed.
 *
 * @param pKnown   P(known) now, i.e. after the last answer's transition
 * @param pUnknown P(not known) now, kept separately for precision (see {@link BktParams#update(double[], boolean)})
 * @param evidence the answers that led here
 */
public record TraceState(double pKnown, double pUnknown, Evidence evidence) {

    public TraceState {
        if (!(pKnown >= 0.0 && pKnown <= 1.0)) throw new IllegalArgumentException("pKnown must be in [0, 1], got " + pKnown);
        if (!(pUnknown >= 0.0 && pUnknown <= 1.0)) throw new IllegalArgumentException("pUnknown must be in [0, 1], got " + pUnknown);
    }

    /** A state from P(known) alone (its complement as P(unknown)). */
    public TraceState(double pKnown, Evidence evidence) {
        this(pKnown, 1.0 - pKnown, evidence);
    }

    /** The state before any answer: the parameters' prior. */
    public static TraceState initial(BktParams params) {
        return new TraceState(params.prior(), Evidence.NONE);
    }

    /** The state after one more answer. O(1). */
    public TraceState next(BktParams params, boolean correct, Instant at) {
        double[] ku = {pKnown, pUnknown};
        params.update(ku, correct);
        return new TraceState(ku[0], ku[1], evidence.plus(correct, at));
    }
}
