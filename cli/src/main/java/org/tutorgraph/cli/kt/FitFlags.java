package org.tutorgraph.cli.kt;

import org.tutorgraph.cli.UserException;
import org.tutorgraph.kt.FitOptions;
import picocli.CommandLine.Option;

/** The fitting options shared by {@code kt fit} and {@code kt eval}. */
public final class FitFlags {

    @Option(names = "--forgets", description = "Also fit a forgetting probability per skill (BKT with forgetting).")
    boolean forgets;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "" + FitOptions.DEFAULT_RESTARTS,
            description = "Random EM initialisations per skill; the best likelihood wins (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the initialisations; the same seed gives the same parameters (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "" + FitOptions.DEFAULT_MAX_ITERATIONS,
            description = "EM iterations at most per restart (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "0.000001",
            description = "Stop a restart when an iteration gains less log-likelihood than X per response (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-slip", paramLabel = "P", defaultValue = "0.5",
            description = "Upper bound on slip (default: ${DEFAULT-VALUE}, the usual bound against degenerate fits).")
    double maxSlip;

    @Option(names = "--max-guess", paramLabel = "P", defaultValue = "0.5",
            description = "Upper bound on guess (default: ${DEFAULT-VALUE}).")
    double maxGuess;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: one per core).")
    Integer threads;

    FitOptions options() {
        try {
            return new FitOptions(forgets, restarts, seed, maxIterations, tolerance, maxSlip, maxGuess,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor kt: " + e.getMessage());
        }
    }
}
