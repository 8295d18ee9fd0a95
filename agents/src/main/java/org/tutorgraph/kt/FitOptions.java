package org.tutorgraph.kt;

/**
 * How {@link EmFitter} fits.
 *
 * @param forgets       also fit a forgetting probability (otherwise it is fixed at 0, standard BKT)
 * @param restarts      random initialisations per skill; the one with the best log-likelihood wins
 * @param seed          seed of the initialisations (a skill's draws depend only on the seed, its name and the restart
 *                      number, so results do not depend on thread scheduling)
 * @param maxIterations EM iterations at most per restart
 * @param tolerance     stop when an iteration improves the log-likelihood by less than this, per response
 * @param maxSlip       upper bound on slip (the literature's "not degenerate" bound is 0.5: a known skill answered
 *                      wrongly more often than not would make "known" mean "unknown")
 * @param maxGuess      upper bound on guess, for the same reason
 * @param threads       worker threads; skills (and restarts) are fitted in parallel
 */
public record FitOptions(boolean forgets, int restarts, long seed, int maxIterations, double tolerance,
                         double maxSlip, double maxGuess, int threads) {

    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final double DEFAULT_BOUND = 0.5;

    public FitOptions {
        if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        if (!(maxSlip > 0 && maxSlip <= 1)) throw new IllegalArgumentException("maxSlip must be in (0, 1], got " + maxSlip);
        if (!(maxGuess > 0 && maxGuess <= 1)) throw new IllegalArgumentException("maxGuess must be in (0, 1], got " + maxGuess);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }

    /** Standard BKT, 10 restarts, seed 0, slip and guess below 0.5, one thread per core. */
    public static FitOptions defaults() {
        return new FitOptions(false, DEFAULT_RESTARTS, 0L, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
                DEFAULT_BOUND, DEFAULT_BOUND, Runtime.getRuntime().availableProcessors());
    }

    public FitOptions withForgets(boolean f) {
        return new FitOptions(f, restarts, seed, maxIterations, tolerance, maxSlip, maxGuess, threads);
    }

    public FitOptions withRestarts(int r) {
        return new FitOptions(forgets, r, seed, maxIterations, tolerance, maxSlip, maxGuess, threads);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(forgets, restarts, s, maxIterations, tolerance, maxSlip, maxGuess, threads);
    }

    public FitOptions withThreads(int t) {
        return new FitOptions(forgets, restarts, seed, maxIterations, tolerance, maxSlip, maxGuess, t);
    }

    public FitOptions withBounds(double slip, double guess) {
        return new FitOptions(forgets, restarts, seed, maxIterations, tolerance, slip, guess, threads);
    }

    public FitOptions withMaxIterations(int m) {
        return new FitOptions(forgets, restarts, seed, m, tolerance, maxSlip, maxGuess, threads);
    }

    public FitOptions withTolerance(double t) {
        return new FitOptions(forgets, restarts, seed, maxIterations, t, maxSlip, maxGuess, threads);
    }
}
