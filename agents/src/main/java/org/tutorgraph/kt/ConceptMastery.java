package org.tutorgraph.kt;

/**
 * The posterior that a learner has mastered a concept, with the evidence behind it.
 *
 * @param concept   the concept id
 * @param posterior P(mastered), in [0, 1]
 * @param evidence  the answers observed on this very concept
 * @param inferred  true when the posterior moved because of answers on other concepts (prerequisite propagation in
 *                  a diagnosis) rather than, or in addition to, answers on this one
 */
public record ConceptMastery(String concept, double posterior, Evidence evidence, boolean inferred) {

    /** Whether the posterior crosses {@code threshold}: the mastered/not-mastered map's verdict. */
    public boolean mastered(double threshold) {
        return posterior >= threshold;
    }
}
