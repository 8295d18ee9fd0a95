package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.CourseGraph;

import java.util.SplittableRandom;

/**
 * Draws simulated learners for a course graph, seeded. A learner has an ability θ ~ U(−0.2, 1.2); each concept is
 * "within reach" with probability σ(steepness × (θ − level) + noise × N(0, 1)) — the noise makes learners
 * idiosyncratic, not just a cut through the graph — and the learner masters exactly the concepts within reach whose
 * prerequisites they master (decided in topological order), so the state is always downward closed under requires
 * and anyOf. Slip and guess are drawn per learner and concept from the population's ranges. Practice can teach:
 * after answering a question on a concept whose prerequisites are mastered, an unmastered concept is learned with
 * the population's learn probability (a BKT transition).
 *
 * <p>This population is deliberately not the Diagnostician's prior ({@link LevelPrior}): steeper, noisier, with
 * varying slips and guesses, and learning during the test, so the benchmark measures a misspecified model, as in
 * real use. Drawing a learner is O(V + E).
 */
public final class LearnerSimulator {

    /**
     * @param steepness slope of "within reach" against θ − level
     * @param noise     standard deviation of the per-concept logit noise
     * @param slipLow   slip range (uniform)
     * @param slipHigh  "
     * @param guessLow  guess range (uniform)
     * @param guessHigh "
     * @param learn     P(learning a concept) after a question on it, when its prerequisites are mastered
     */
    public record Population(double steepness, double noise, double slipLow, double slipHigh, double guessLow,
                             double guessHigh, double learn) {
        public Population {
            if (!(slipLow >= 0 && slipLow <= slipHigh && slipHigh < 1)) throw new IllegalArgumentException("bad slip range");
            if (!(guessLow >= 0 && guessLow <= guessHigh && guessHigh < 1)) throw new IllegalArgumentException("bad guess range");
            if (!(learn >= 0 && learn <= 1)) throw new IllegalArgumentException("learn must be in [0, 1]");
        }

        /** Steepness 14, noise 1.0, slip 5–15 %, guess 10–30 %, learn 2 % per question. */
        public static Population defaults() {
            return new Population(14.0, 1.0, 0.05, 0.15, 0.10, 0.30, 0.02);
        }
    }

    private final KnowledgeStructure ks;
    private final Population population;

    public LearnerSimulator(CourseGraph graph, Population population) {
        this(KnowledgeStructure.of(graph), population);
    }

    LearnerSimulator(KnowledgeStructure ks, Population population) {
        this.ks = ks;
        this.population = population;
    }

    /** The learner of this seed (the same seed gives the same learner). */
    public SimulatedLearner draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = ks.size();
        double theta = -0.2 + 1.4 * r.nextDouble();
        boolean[] state = new boolean[n];
        double[] slip = new double[n];
        double[] guess = new double[n];
        for (int c : ks.topological()) {
            double z = population.steepness() * (theta - ks.level(c)) + population.noise() * r.nextGaussian();
            boolean reach = r.nextDouble() < 1.0 / (1.0 + Math.exp(-z));
            state[c] = reach && ks.satisfied(state, c);
        }
        for (int c = 0; c < n; c++) {
            slip[c] = population.slipLow() + (population.slipHigh() - population.slipLow()) * r.nextDouble();
            guess[c] = population.guessLow() + (population.guessHigh() - population.guessLow()) * r.nextDouble();
        }
        return new SimulatedLearner(ks, state, slip, guess, population.learn(), r.nextLong());
    }
}
