package org.tutorgraph.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated learner: a ground-truth knowledge state (feasible), slip and guess per concept, and learning through
 * practice. Answers use common random numbers: the k-th time a given question is asked, the same random draw decides
 * the answer (and any learning), whatever the strategy that asked it — so strategies compared on a copy of the same
 * learner differ only by their choices.
 */
public final class SimulatedLearner {

    private final KnowledgeStructure ks;
    private final boolean[] state;
    private final double[] slip;
    private final double[] guess;
    private final double learn;
    private final long seed;
    private final Map<String, Integer> attempts = new HashMap<>();

    SimulatedLearner(KnowledgeStructure ks, boolean[] state, double[] slip, double[] guess, double learn, long seed) {
        this.ks = ks;
        this.state = state;
        this.slip = slip;
        this.guess = guess;
        this.learn = learn;
        this.seed = seed;
    }

    /** A fresh copy of this learner as first drawn would be: same state, same random draws. */
    public SimulatedLearner copy() {
        return new SimulatedLearner(ks, state.clone(), slip, guess, learn, seed);
    }

    public boolean knows(String concept) {
        int c = ks.indexOf(concept);
        if (c < 0) throw new IllegalArgumentException("unknown concept: " + concept);
        return state[c];
    }

    boolean knows(int c) {
        return state[c];
    }

    /** The ground truth, one flag per concept in graph order. */
    public boolean[] state() {
        return state.clone();
    }

    /** Answers a question on {@code concepts}: correct with 1 − slip if all are mastered, with guess otherwise; then may learn. */
    public boolean answer(String questionId, List<String> concepts) {
        int k = attempts.merge(questionId, 1, Integer::sum);
        long key = mix(seed ^ questionId.hashCode() * 0x9E3779B97F4A7C15L, k);
        boolean all = true;
        double s = 0;
        double g = 0;
        int[] idx = new int[concepts.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = ks.indexOf(concepts.get(i));
            if (idx[i] < 0) throw new IllegalArgumentException("unknown concept: " + concepts.get(i));
            all &= state[idx[i]];
            s += slip[idx[i]];
            g += guess[idx[i]];
        }
        s /= idx.length;
        g /= idx.length;
        double u = uniform(key);
        boolean correct = all ? u >= s : u < g;
        if (learn > 0) {
            double v = uniform(mix(key, 0x5bd1e995L));
            for (int c : idx) {
                if (!state[c] && v < learn && ks.satisfied(state, c)) state[c] = true;
            }
        }
        return correct;
    }

    public boolean answer(Question q) {
        return answer(q.id(), q.concepts());
    }

    private static long mix(long a, long b) {
        long z = a + b * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double uniform(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
