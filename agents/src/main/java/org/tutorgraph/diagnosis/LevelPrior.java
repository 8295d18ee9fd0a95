package org.tutorgraph.diagnosis;

/**
 * The diagnosis' prior over knowledge states: a learner has an overall level θ, uniform on a grid over
 * [{@value #THETA_MIN}, {@value #THETA_MAX}]; going through the concepts in topological order, a concept whose
 * prerequisites are mastered is mastered with probability {@code π_c(θ) = σ(steepness × (θ − level_c))}, and a concept
 * whose prerequisites are not mastered is not mastered. Every state it produces is feasible (downward closed), and
 * its density is explicit:
 *
 * <pre>  P(K | θ) = Π_{c ∈ K} π_c(θ) × Π_{c ∉ K, prerequisites of c in K} (1 − π_c(θ))</pre>
 *
 * which is what the MCMC moves of {@link ParticleBelief} need. The level is the concept's normalised prerequisite
 * depth ({@link KnowledgeStructure#level}), so a learner is expected to know the basics below their level and not
 * much above it — the shape of real placement data — while the graph forces consistency. θ is on a grid so that
 * {@code log π} and {@code log(1 − π)} are table lookups.
 */
final class LevelPrior {

    static final double THETA_MIN = -0.2;
    static final double THETA_MAX = 1.2;
    static final int GRID = 57;
    static final double DEFAULT_STEEPNESS = 10.0;

    private final double[][] logYes;
    private final double[][] logNo;
    private final double[][] yes;

    LevelPrior(KnowledgeStructure ks, double steepness) {
        int n = ks.size();
        logYes = new double[GRID][n];
        logNo = new double[GRID][n];
        yes = new double[GRID][n];
        for (int g = 0; g < GRID; g++) {
            double theta = theta(g);
            for (int c = 0; c < n; c++) {
                double z = steepness * (theta - ks.level(c));
                double p = 1.0 / (1.0 + Math.exp(-z));
                p = Math.min(1 - 1e-9, Math.max(1e-9, p));
                yes[g][c] = p;
                logYes[g][c] = Math.log(p);
                logNo[g][c] = Math.log1p(-p);
            }
        }
    }

    static double theta(int g) {
        return THETA_MIN + (THETA_MAX - THETA_MIN) * g / (GRID - 1);
    }

    /** π_c(θ_g). */
    double yes(int g, int c) {
        return yes[g][c];
    }

    double logYes(int g, int c) {
        return logYes[g][c];
    }

    double logNo(int g, int c) {
        return logNo[g][c];
    }
}
