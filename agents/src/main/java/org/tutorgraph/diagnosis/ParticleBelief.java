package org.tutorgraph.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A belief over a learner's knowledge state, held as a sample of M feasible states ("particles") with the learner's
 * level θ: sequential Monte Carlo over the {@link LevelPrior}, conditioned on the answers seen so far.
 *
 * <p><b>Why particles.</b> The states that respect the prerequisites (downward-closed sets) are exponentially many,
 * and the exact posterior over them is a Bayesian network with hard constraints whose treewidth is large on real
 * graphs. A sample of states is exact in the limit, respects every constraint by construction (each particle is a
 * feasible state), and carries all the correlations the graph induces: a failed prerequisite empties its
 * dependents in every particle that explains the failure.
 *
 * <p><b>Update after an answer</b> (cost O(M × (moves + n/64)), independent of the number of earlier answers):
 * <ol>
 *   <li>reweight each particle by the likelihood of the answer (DINA: 1 − slip or slip when all the question's
 *       concepts are in the state, guess or 1 − guess otherwise);</li>
 *   <li>resample systematically, so that all particles weigh the same again;</li>
 *   <li>rejuvenate: a fixed number of Metropolis–Hastings moves per particle, each either toggling one concept
 *       (only if the result stays feasible; the acceptance ratio multiplies the prior term of the concept, the
 *       change of its children's "prerequisites met" status, and the likelihood of every answer on the concept,
 *       kept as one log-ratio per concept) or moving θ one grid step. The target is the exact posterior given all
 *       answers, so the moves undo the duplicates resampling creates without biasing the sample.</li>
 * </ol>
 * Concepts to toggle are drawn, with probability 0.8, among those the sample is unsure about (0 &lt; count &lt; M),
 * otherwise uniformly; the choice depends on the population only, not on the particle moved, so each move is
 * posterior-invariant.
 *
 * <p><b>Marginals and joint counts</b> come from bit columns (one bitset over particles per concept), so
 * P(c mastered) is a popcount and the joint count of two concepts is the popcount of an AND: the information gain of
 * every candidate question over every concept costs O(candidates × uncertain concepts × M/64) word operations.
 */
final class ParticleBelief {

    private final KnowledgeStructure ks;
    private final LevelPrior prior;
    private final int n;
    private final int m;
    private final int wn;
    private final int wm;
    private final SplittableRandom random;

    private long[] known;
    private long[] fringe;
    private int[] theta;
    private long[] knownNext;
    private long[] fringeNext;
    private int[] thetaNext;

    /** Per concept: summed log-likelihood ratio of single-concept answers on it, plus soft evidence. */
    private final double[] llr;
    /** Answers to questions on several concepts, and for each concept the indexes of those that involve it. */
    private final List<int[]> multiConcepts = new ArrayList<>();
    private final List<Double> multiLlr = new ArrayList<>();
    private final List<List<Integer>> multiByConcept;

    private final long[][] columns;
    private final int[] counts;
    private final double[] logWeight;
    private int[] uncertain = new int[0];

    ParticleBelief(KnowledgeStructure ks, LevelPrior prior, int particles, SplittableRandom random) {
        this.ks = ks;
        this.prior = prior;
        this.n = ks.size();
        this.m = particles;
        this.wn = (n + 63) >>> 6;
        this.wm = particles >>> 6;
        this.random = random;
        known = new long[m * wn];
        fringe = new long[m * wn];
        theta = new int[m];
        knownNext = new long[m * wn];
        fringeNext = new long[m * wn];
        thetaNext = new int[m];
        llr = new double[n];
        multiByConcept = new ArrayList<>(n);
        for (int c = 0; c < n; c++) multiByConcept.add(new ArrayList<>());
        columns = new long[n][wm];
        counts = new int[n];
        logWeight = new double[m];
        sampleFromPrior();
        refresh();
    }

    int particles() {
        return m;
    }

    /** Forward sampling from the prior: θ uniform on the grid, then concepts in topological order. O(M × (n + E)). */
    private void sampleFromPrior() {
        for (int i = 0; i < m; i++) {
            int base = i * wn;
            int g = random.nextInt(LevelPrior.GRID);
            theta[i] = g;
            for (int c : ks.topological()) {
                if (!ks.satisfied(known, base, c)) continue;
                if (random.nextDouble() < prior.yes(g, c)) set(known, base, c);
                else set(fringe, base, c);
            }
        }
    }

    /** Conditions on one answer to {@code probe}: reweight, resample, rejuvenate. */
    void observe(Probe probe, boolean correct, int movesPerParticle) {
        double ratio = probe.logRatio(correct);
        int[] cs = probe.concepts;
        if (cs.length == 1) {
            llr[cs[0]] += ratio;
        } else {
            int idx = multiConcepts.size();
            multiConcepts.add(cs);
            multiLlr.add(ratio);
            for (int c : cs) multiByConcept.get(c).add(idx);
        }
        for (int i = 0; i < m; i++) logWeight[i] = allKnown(i * wn, cs) ? ratio : 0.0;
        resample();
        rejuvenate(movesPerParticle);
        refresh();
    }

    /**
     * Soft evidence on a concept (a posterior from earlier sessions): multiplies each state by {@code e^logRatio}
     * when it contains {@code c}. Several may be added before one {@link #settle}.
     */
    void addSoftEvidence(int c, double logRatio) {
        llr[c] += logRatio;
    }

    /** Reweights by all the evidence gathered so far (after {@link #addSoftEvidence}), then resamples and rejuvenates. */
    void settle(int movesPerParticle) {
        for (int i = 0; i < m; i++) logWeight[i] = logLikelihood(i);
        resample();
        rejuvenate(movesPerParticle);
        refresh();
    }

    private double logLikelihood(int i) {
        int base = i * wn;
        double ll = 0;
        for (int w = 0; w < wn; w++) {
            long word = known[base + w];
            while (word != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(word);
                ll += llr[c];
                word &= word - 1;
            }
        }
        for (int o = 0; o < multiConcepts.size(); o++) if (allKnown(base, multiConcepts.get(o))) ll += multiLlr.get(o);
        return ll;
    }

    private boolean allKnown(int base, int[] cs) {
        for (int c : cs) if (!KnowledgeStructure.has(known, base, c)) return false;
        return true;
    }

    /** Systematic resampling by {@link #logWeight}. O(M × n/64). */
    private void resample() {
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logWeight) max = Math.max(max, w);
        double total = 0;
        for (int i = 0; i < m; i++) {
            logWeight[i] = Math.exp(logWeight[i] - max);
            total += logWeight[i];
        }
        double step = total / m;
        double u = random.nextDouble() * step;
        double cumulative = logWeight[0];
        int src = 0;
        for (int dst = 0; dst < m; dst++) {
            double target = u + dst * step;
            while (cumulative < target && src < m - 1) cumulative += logWeight[++src];
            System.arraycopy(known, src * wn, knownNext, dst * wn, wn);
            System.arraycopy(fringe, src * wn, fringeNext, dst * wn, wn);
            thetaNext[dst] = theta[src];
        }
        long[] t = known;
        known = knownNext;
        knownNext = t;
        t = fringe;
        fringe = fringeNext;
        fringeNext = t;
        int[] th = theta;
        theta = thetaNext;
        thetaNext = th;
    }

    private void rejuvenate(int movesPerParticle) {
        if (movesPerParticle == 0) return;
        int[] unsure = uncertain;
        int[] scratch = new int[maxChildren()];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < movesPerParticle; k++) {
                if (k % 8 == 7) {
                    moveTheta(i);
                    continue;
                }
                int c = unsure.length > 0 && random.nextDouble() < 0.8 ? unsure[random.nextInt(unsure.length)] : random.nextInt(n);
                toggle(i, c, scratch);
            }
        }
    }

    private int maxChildren() {
        int max = 1;
        for (int c = 0; c < n; c++) max = Math.max(max, ks.children(c).length);
        return max;
    }

    /** One Metropolis–Hastings move that adds or removes {@code c} in particle {@code i}, if feasible. */
    private void toggle(int i, int c, int[] changed) {
        int base = i * wn;
        int g = theta[i];
        int[] kids = ks.children(c);
        int nChanged = 0;
        if (!KnowledgeStructure.has(known, base, c)) {
            if (!KnowledgeStructure.has(fringe, base, c)) return; // prerequisites not met: cannot add
            double delta = prior.logYes(g, c) - prior.logNo(g, c) + llr[c] + multiDelta(base, c, true);
            set(known, base, c);
            for (int d : kids) {
                if (!KnowledgeStructure.has(known, base, d) && !KnowledgeStructure.has(fringe, base, d) && ks.satisfied(known, base, d)) {
                    delta += prior.logNo(g, d);
                    changed[nChanged++] = d;
                }
            }
            if (accept(delta)) {
                clear(fringe, base, c);
                for (int j = 0; j < nChanged; j++) set(fringe, base, changed[j]);
            } else {
                clear(known, base, c);
            }
        } else {
            clear(known, base, c);
            for (int d : kids) {
                if (KnowledgeStructure.has(known, base, d) && !ks.satisfied(known, base, d)) {
                    set(known, base, c); // a mastered dependent needs c: removing it would break feasibility
                    return;
                }
            }
            double delta = prior.logNo(g, c) - prior.logYes(g, c) - llr[c] + multiDelta(base, c, false);
            for (int d : kids) {
                if (KnowledgeStructure.has(fringe, base, d) && !ks.satisfied(known, base, d)) {
                    delta -= prior.logNo(g, d);
                    changed[nChanged++] = d;
                }
            }
            if (accept(delta)) {
                set(fringe, base, c);
                for (int j = 0; j < nChanged; j++) clear(fringe, base, changed[j]);
            } else {
                set(known, base, c);
            }
        }
    }

    /** The change in the log-likelihood of multi-concept answers when {@code c} is added (or removed). */
    private double multiDelta(int base, int c, boolean adding) {
        List<Integer> obs = multiByConcept.get(c);
        if (obs.isEmpty()) return 0;
        double d = 0;
        for (int o : obs) {
            boolean others = true;
            for (int x : multiConcepts.get(o)) {
                if (x != c && !KnowledgeStructure.has(known, base, x)) {
                    others = false;
                    break;
                }
            }
            if (others) d += adding ? multiLlr.get(o) : -multiLlr.get(o);
        }
        return d;
    }

    /** Moves θ one grid step up or down (Metropolis–Hastings, symmetric proposal). O(n/64 + |K| + |fringe|). */
    private void moveTheta(int i) {
        int g = theta[i];
        int h = random.nextBoolean() ? g + 1 : g - 1;
        if (h < 0 || h >= LevelPrior.GRID) return;
        int base = i * wn;
        double delta = 0;
        for (int w = 0; w < wn; w++) {
            long k = known[base + w];
            while (k != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(k);
                delta += prior.logYes(h, c) - prior.logYes(g, c);
                k &= k - 1;
            }
            long f = fringe[base + w];
            while (f != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(f);
                delta += prior.logNo(h, c) - prior.logNo(g, c);
                f &= f - 1;
            }
        }
        if (accept(delta)) theta[i] = h;
    }

    private boolean accept(double logRatio) {
        return logRatio >= 0 || random.nextDouble() < Math.exp(logRatio);
    }

    /** Rebuilds the bit columns, the counts and the list of uncertain concepts. O(M × n/64 + Σ|K|). */
    private void refresh() {
        for (long[] col : columns) Arrays.fill(col, 0L);
        for (int i = 0; i < m; i++) {
            int base = i * wn;
            long bit = 1L << i;
            int wi = i >>> 6;
            for (int w = 0; w < wn; w++) {
                long k = known[base + w];
                while (k != 0) {
                    int c = (w << 6) + Long.numberOfTrailingZeros(k);
                    columns[c][wi] |= bit;
                    k &= k - 1;
                }
            }
        }
        int u = 0;
        int[] unsure = new int[n];
        for (int c = 0; c < n; c++) {
            int cnt = 0;
            for (long word : columns[c]) cnt += Long.bitCount(word);
            counts[c] = cnt;
            if (cnt > 0 && cnt < m) unsure[u++] = c;
        }
        uncertain = Arrays.copyOf(unsure, u);
    }

    /** Particles in which {@code c} is mastered. */
    int count(int c) {
        return counts[c];
    }

    /** P(c mastered) under the sample. */
    double marginal(int c) {
        return (double) counts[c] / m;
    }

    long[] column(int c) {
        return columns[c];
    }

    /** Concepts the sample is unsure about (mastered in some particles, not in others). */
    int[] uncertain() {
        return uncertain;
    }

    /** Whether every particle is a feasible state and its fringe is exactly the unmastered concepts whose prerequisites are met. */
    boolean consistent() {
        for (int i = 0; i < m; i++) {
            int base = i * wn;
            for (int c = 0; c < n; c++) {
                boolean k = KnowledgeStructure.has(known, base, c);
                boolean sat = ks.satisfied(known, base, c);
                if (k && !sat) return false;
                if (KnowledgeStructure.has(fringe, base, c) != (!k && sat)) return false;
            }
        }
        return true;
    }

    private static void set(long[] words, int base, int c) {
        words[base + (c >>> 6)] |= 1L << c;
    }

    private static void clear(long[] words, int base, int c) {
        words[base + (c >>> 6)] &= ~(1L << c);
    }
}
