package org.tutorgraph.diagnosis;

/**
 * How a diagnosis runs.
 *
 * @param targetAccuracy    stop when the belief's own estimate of the map's accuracy — the mean over concepts of
 *                          max(P(mastered), 1 − P(mastered)) — reaches this
 * @param maxQuestions      question budget; 0 means a quarter of the concepts (rounded up)
 * @param particles         size of the sampled belief (rounded up to a multiple of 64); more is smoother and slower
 * @param movesPerParticle  MCMC moves per particle after each answer (keeps the sample diverse)
 * @param maxAsksPerConcept how often an abstract probe of one concept may be asked (items are asked once each)
 * @param abstractProbes    offer abstract probes for concepts that have no item (always true for a graph without items)
 * @param steepness         of the prior's level curve (see {@link LevelPrior})
 * @param seed              seed of the sampling; the same seed and answers give the same questions
 */
public record DiagnosisSettings(double targetAccuracy, int maxQuestions, int particles, int movesPerParticle,
                                int maxAsksPerConcept, boolean abstractProbes, double steepness, long seed) {

    public DiagnosisSettings {
        if (!(targetAccuracy > 0)) throw new IllegalArgumentException("targetAccuracy must be > 0");
        if (maxQuestions < 0) throw new IllegalArgumentException("maxQuestions must be >= 0");
        if (particles < 64) throw new IllegalArgumentException("particles must be at least 64");
        if (movesPerParticle < 0) throw new IllegalArgumentException("movesPerParticle must be >= 0");
        if (maxAsksPerConcept < 1) throw new IllegalArgumentException("maxAsksPerConcept must be >= 1");
        if (!(steepness > 0)) throw new IllegalArgumentException("steepness must be > 0");
        particles = (particles + 63) / 64 * 64;
    }

    public static DiagnosisSettings defaults() {
        return new DiagnosisSettings(0.95, 0, 1024, 12, 3, true, LevelPrior.DEFAULT_STEEPNESS, 0L);
    }

    /** The budget for a graph of {@code concepts} concepts. */
    public int budgetFor(int concepts) {
        return maxQuestions > 0 ? maxQuestions : Math.max(1, (concepts + 3) / 4);
    }

    public DiagnosisSettings withTargetAccuracy(double t) {
        return new DiagnosisSettings(t, maxQuestions, particles, movesPerParticle, maxAsksPerConcept, abstractProbes, steepness, seed);
    }

    public DiagnosisSettings withMaxQuestions(int q) {
        return new DiagnosisSettings(targetAccuracy, q, particles, movesPerParticle, maxAsksPerConcept, abstractProbes, steepness, seed);
    }

    public DiagnosisSettings withParticles(int p) {
        return new DiagnosisSettings(targetAccuracy, maxQuestions, p, movesPerParticle, maxAsksPerConcept, abstractProbes, steepness, seed);
    }

    public DiagnosisSettings withMovesPerParticle(int m) {
        return new DiagnosisSettings(targetAccuracy, maxQuestions, particles, m, maxAsksPerConcept, abstractProbes, steepness, seed);
    }

    public DiagnosisSettings withSeed(long s) {
        return new DiagnosisSettings(targetAccuracy, maxQuestions, particles, movesPerParticle, maxAsksPerConcept, abstractProbes, steepness, s);
    }

    public DiagnosisSettings withSteepness(double s) {
        return new DiagnosisSettings(targetAccuracy, maxQuestions, particles, movesPerParticle, maxAsksPerConcept, abstractProbes, s, seed);
    }
}
