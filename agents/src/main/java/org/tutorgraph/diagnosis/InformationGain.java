package org.tutorgraph.diagnosis;

/**
 * Expected information gain of a question about the mastery map: the expected drop of the map's entropy
 * {@code Σ_d H(P(d mastered))} (binary entropies, in bits) once the answer is known, computed exactly on the particle
 * sample. With M equally weighted particles, {@code n_q} of which master all of question q's concepts, and
 * {@code j_d} of which master those and concept d as well:
 *
 * <pre>
 *   P(correct) = ((1 − s) n_q + g (M − n_q)) / M
 *   P(d | correct) = ((1 − s) j_d + g (n_d − j_d)) / ((1 − s) n_q + g (M − n_q))
 *   P(d | wrong)   = (s j_d + (1 − g)(n_d − j_d)) / (s n_q + (1 − g)(M − n_q))
 * </pre>
 *
 * so one question costs O(U × M/64) for U uncertain concepts (concepts every particle agrees on cannot change).
 * Entropies come from a 4,096-step table with linear interpolation (error below 1e-4 bits).
 */
final class InformationGain {

    private static final int STEPS = 4096;
    private static final double[] H = new double[STEPS + 1];

    static {
        for (int i = 0; i <= STEPS; i++) H[i] = exact((double) i / STEPS);
    }

    private InformationGain() {
    }

    static double exact(double p) {
        if (p <= 0 || p >= 1) return 0;
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
    }

    /** Binary entropy in bits, by table. */
    static double entropy(double p) {
        if (p <= 0 || p >= 1) return 0;
        double x = p * STEPS;
        int i = (int) x;
        if (i >= STEPS) return 0;
        double f = x - i;
        return H[i] + f * (H[i + 1] - H[i]);
    }

    /** The map entropy of the belief: Σ over uncertain concepts of H(P(mastered)). */
    static double mapEntropy(ParticleBelief b) {
        double h = 0;
        double m = b.particles();
        for (int d : b.uncertain()) h += entropy(b.count(d) / m);
        return h;
    }

    /**
     * Expected entropy drop of the map after asking {@code probe}; {@code mask} is scratch space of M/64 words and
     * {@code baseline} the current {@link #mapEntropy}. Zero when every particle predicts the same state of the
     * question's concepts.
     */
    static double gain(ParticleBelief b, Probe probe, long[] mask, double baseline) {
        int m = b.particles();
        int[] cs = probe.concepts;
        long[] q;
        if (cs.length == 1) {
            q = b.column(cs[0]);
        } else {
            System.arraycopy(b.column(cs[0]), 0, mask, 0, mask.length);
            for (int k = 1; k < cs.length; k++) {
                long[] col = b.column(cs[k]);
                for (int w = 0; w < mask.length; w++) mask[w] &= col[w];
            }
            q = mask;
        }
        int nq = 0;
        for (long w : q) nq += Long.bitCount(w);
        if (nq == 0 || nq == m) return 0;
        double s = probe.slip;
        double g = probe.guess;
        double right = (1 - s) * nq + g * (m - nq);
        double wrong = s * nq + (1 - g) * (m - nq);
        double hRight = 0;
        double hWrong = 0;
        for (int d : b.uncertain()) {
            long[] col = b.column(d);
            int j = 0;
            for (int w = 0; w < q.length; w++) j += Long.bitCount(q[w] & col[w]);
            int nd = b.count(d);
            hRight += entropy(((1 - s) * j + g * (nd - j)) / right);
            hWrong += entropy((s * j + (1 - g) * (nd - j)) / wrong);
        }
        return baseline - (right / m) * hRight - (wrong / m) * hWrong;
    }
}
