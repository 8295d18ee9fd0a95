package org.tutorgraph.prompts.tournament;

import java.util.List;

/**
 * The Glicko-2 rating system, implemented from Mark Glickman's description ("Example of the Glicko-2 system",
 * glicko2.pdf, with the Illinois algorithm for the volatility) and tested against his worked example.
 *
 * <p>Why not a library: the Glicko-2 artifacts on Maven Central are Scala libraries (they pull scala-library and
 * were last released 2018–2022); none is a maintained Java one. The algorithm is forty lines.
 *
 * <p>A rating period's games are all played against the opponents' ratings at the start of the period; update
 * every player with its own games, then replace the ratings together. {@link #update} is O(games) plus the
 * volatility iteration, which converges in a handful of steps (bounded here at 100).
 */
public final class Glicko2 {

    /** Converts between the Glicko scale (1500 ± 350) and the Glicko-2 scale (0 ± 2.01). */
    public static final double SCALE = 173.7178;
    public static final double DEFAULT_RATING = 1500;
    public static final double DEFAULT_DEVIATION = 350;
    public static final double DEFAULT_VOLATILITY = 0.06;
    /** Glickman suggests 0.3–1.2 for the system constant τ; smaller values keep volatility from jumping. */
    public static final double DEFAULT_TAU = 0.5;
    private static final double EPSILON = 1e-6;

    /**
     * A rating on the Glicko scale.
     *
     * @param rating     the estimated strength (starts at 1500)
     * @param deviation  RD: the uncertainty of the rating (starts at 350; about two RDs either side is a 95% interval)
     * @param volatility σ: how erratic the player's performance is
     */
    public record Rating(double rating, double deviation, double volatility) {
        public static Rating initial() {
            return new Rating(DEFAULT_RATING, DEFAULT_DEVIATION, DEFAULT_VOLATILITY);
        }

        double mu() {
            return (rating - DEFAULT_RATING) / SCALE;
        }

        double phi() {
            return deviation / SCALE;
        }
    }

    /** One game of a rating period: the opponent's rating at the period's start and the score (1 win, 0.5 draw, 0 loss). */
    public record Game(Rating opponent, double score) {
    }

    private final double tau;

    public Glicko2() {
        this(DEFAULT_TAU);
    }

    public Glicko2(double tau) {
        if (!(tau > 0)) throw new IllegalArgumentException("tau must be positive: " + tau);
        this.tau = tau;
    }

    /** The player's rating after a rating period with {@code games} (none: only the deviation grows). */
    public Rating update(Rating player, List<Game> games) {
        double mu = player.mu();
        double phi = player.phi();
        double sigma = player.volatility();
        if (games.isEmpty()) {
            return new Rating(player.rating(), SCALE * Math.sqrt(phi * phi + sigma * sigma), sigma);
        }
        double vInverse = 0;
        double deltaSum = 0;
        for (Game game : games) {
            double gj = g(game.opponent().phi());
            double e = e(mu, game.opponent().mu(), gj);
            vInverse += gj * gj * e * (1 - e);
            deltaSum += gj * (game.score() - e);
        }
        double v = 1 / vInverse;
        double delta = v * deltaSum;
        double newSigma = volatility(phi, sigma, v, delta);
        double phiStar = Math.sqrt(phi * phi + newSigma * newSigma);
        double newPhi = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
        double newMu = mu + newPhi * newPhi * deltaSum;
        return new Rating(SCALE * newMu + DEFAULT_RATING, SCALE * newPhi, newSigma);
    }

    /** Step 5: the new volatility, by the Illinois algorithm on f(x) = 0. */
    private double volatility(double phi, double sigma, double v, double delta) {
        double a = Math.log(sigma * sigma);
        double tau2 = tau * tau;
        double phi2 = phi * phi;
        double delta2 = delta * delta;
        java.util.function.DoubleUnaryOperator f = x -> {
            double ex = Math.exp(x);
            double d = phi2 + v + ex;
            return ex * (delta2 - phi2 - v - ex) / (2 * d * d) - (x - a) / tau2;
        };
        double bigA = a;
        double bigB;
        if (delta2 > phi2 + v) {
            bigB = Math.log(delta2 - phi2 - v);
        } else {
            int k = 1;
            while (f.applyAsDouble(a - k * tau) < 0) k++;
            bigB = a - k * tau;
        }
        double fA = f.applyAsDouble(bigA);
        double fB = f.applyAsDouble(bigB);
        for (int i = 0; i < 100 && Math.abs(bigB - bigA) > EPSILON; i++) {
            double bigC = bigA + (bigA - bigB) * fA / (fB - fA);
            double fC = f.applyAsDouble(bigC);
            if (fC * fB <= 0) {
                bigA = bigB;
                fA = fB;
            } else {
                fA = fA / 2;
            }
            bigB = bigC;
            fB = fC;
        }
        return Math.exp(bigA / 2);
    }

    /**
     * The probability that {@code a} beats {@code b}: Glicko-2's expected score with both players' uncertainty,
     * 1 / (1 + exp(−g(√(φa² + φb²)) (μa − μb))).
     */
    public static double winProbability(Rating a, Rating b) {
        double phi = Math.sqrt(a.phi() * a.phi() + b.phi() * b.phi());
        return 1 / (1 + Math.exp(-g(phi) * (a.mu() - b.mu())));
    }

    static double g(double phi) {
        return 1 / Math.sqrt(1 + 3 * phi * phi / (Math.PI * Math.PI));
    }

    private static double e(double mu, double muJ, double gJ) {
        return 1 / (1 + Math.exp(-gJ * (mu - muJ)));
    }
}
