package org.tutorgraph.diagnosis;

/** How a graph-aware session picks its next question. */
public enum Selection {
    /** The question with the largest expected drop of the mastery map's entropy ({@link InformationGain}). */
    INFORMATION_GAIN,
    /** A random question among those still available: the baseline that shows what the choice is worth. */
    RANDOM
}
