package org.tutorgraph.models.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a server that keeps failing, so that a dead server costs one or two timeouts, not one per turn.
 * After {@link #threshold} consecutive failures that say the server is unhealthy (refused, timeout, 429, 5xx, cut
 * stream) the breaker opens: calls fail at once with {@link ModelFailure.Kind#CIRCUIT_OPEN} for {@link #cooldown}.
 * Then one trial call is let through (half-open): success closes the breaker, failure opens it for another cooldown.
 * A 401 or a malformed reply does not count: they are fast and say nothing about the server's health.
 *
 * <p>One breaker per endpoint, shared by the roles that use it. All operations O(1), synchronized.
 */
public final class CircuitBreaker {

    public static final int DEFAULT_THRESHOLD = 2;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
        if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1");
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    public CircuitBreaker() {
        this(DEFAULT_THRESHOLD, DEFAULT_COOLDOWN, Clock.systemUTC());
    }

    /** Whether a call may go out now; in the half-open state only one trial call is allowed at a time. */
    public synchronized boolean allow() {
        if (openUntil == null) return true;
        if (clock.instant().isBefore(openUntil)) return false;
        if (trialInFlight) return false;
        trialInFlight = true;
        return true;
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    public synchronized void failure(ModelFailure.Kind kind) {
        if (!kind.serverHealth()) {
            // says nothing about the server: a half-open trial that ended like this lets the next call try again
            trialInFlight = false;
            return;
        }
        consecutiveFailures++;
        trialInFlight = false;
        if (openUntil != null || consecutiveFailures >= threshold) openUntil = clock.instant().plus(cooldown);
    }

    /** Whether calls are being refused now. */
    public synchronized boolean isOpen() {
        return openUntil != null && clock.instant().isBefore(openUntil);
    }

    /** How long calls are still refused (zero when closed). */
    public synchronized Duration remaining() {
        if (openUntil == null) return Duration.ZERO;
        Duration d = Duration.between(clock.instant(), openUntil);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
