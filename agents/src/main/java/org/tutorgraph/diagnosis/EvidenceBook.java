package org.tutorgraph.diagnosis;

import org.tutorgraph.kt.Evidence;

import java.time.Clock;

/** Answers observed per concept during a session, for the evidence attached to each posterior. */
final class EvidenceBook {
    private final Evidence[] evidence;
    private final Clock clock;

    EvidenceBook(int concepts, Clock clock) {
        this.evidence = new Evidence[concepts];
        java.util.Arrays.fill(evidence, Evidence.NONE);
        this.clock = clock;
    }

    void record(int[] concepts, boolean correct) {
        java.time.Instant now = clock.instant();
        for (int c : concepts) evidence[c] = evidence[c].plus(correct, now);
    }

    Evidence of(int c) {
        return evidence[c];
    }
}
