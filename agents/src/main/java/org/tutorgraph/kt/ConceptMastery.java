package org.tutorgraph.kt;

/**
 * The posterior that a learner has mastered a concept, with the evidence behind it.
 *
 * @param concept   the concept id
 * @param posterior P(mastered), in [0, 1]
 * @param evidence  the answers observed on this very concept
 * @param inferred  true when no answer on this very concept stands behind the posterior: it comes from the prior
 *                  and from answers on related concepts (propagation along prerequisites in a diagnosis)
 */
public record ConceptMastery(String concept, double posterior, Evidence evidence, boolean inferred) {

    /** Whether the posterior crosses {@code threshold}: the mastered/not-mastered map's verdict. */
    public boolean mastered(double threshold) {
        return posterior >= threshold;
    }
}
