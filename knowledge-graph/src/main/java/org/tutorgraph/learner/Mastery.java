package org.tutorgraph.learner;

/**
 * The mastery view's row for one concept: the latest posterior and how much evidence stands behind it.
 *
 * @param concept   the concept id
 * @param posterior P(mastered), in [0, 1]
 * @param evidence  number of graded answers that informed it
 * @param seq       the event that set it
 */
public record Mastery(String concept, double posterior, int evidence, long seq) {
}
