package org.tutorgraph.models.call;

import org.junit.jupiter.api.Test;
import org.tutorgraph.models.testing.ManualClock;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    final ManualClock clock = new ManualClock();
    final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(60), clock);

    @Test
    void opensAfterConsecutiveUnhealthyFailuresAndLetsOneTrialThroughAfterTheCooldown() {
        breaker.failure(ModelFailure.Kind.TIMEOUT);
        assertThat(breaker.allow()).isTrue();
        breaker.failure(ModelFailure.Kind.UNREACHABLE);
        assertThat(breaker.allow()).isFalse();
        assertThat(breaker.remaining()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(breaker.allow()).as("the trial call").isTrue();
        assertThat(breaker.allow()).as("only one trial at a time").isFalse();
        breaker.failure(ModelFailure.Kind.SERVER_ERROR);
        assertThat(breaker.isOpen()).as("a failed trial opens it again").isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(breaker.allow()).isTrue();
        breaker.success();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void fastFailuresThatSayNothingAboutTheServerDoNotCount() {
        for (int i = 0; i < 5; i++) breaker.failure(ModelFailure.Kind.UNAUTHORIZED);
        breaker.failure(ModelFailure.Kind.MALFORMED);
        assertThat(breaker.allow()).isTrue();
        breaker.failure(ModelFailure.Kind.TIMEOUT);
        breaker.success();
        breaker.failure(ModelFailure.Kind.TIMEOUT);
        assertThat(breaker.allow()).as("a success in between resets the count").isTrue();
    }

    @Test
    void backoffDoublesUpToFourSeconds() {
        assertThat(ModelGateway.backoff(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(ModelGateway.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ModelGateway.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ModelGateway.backoff(30)).isEqualTo(Duration.ofSeconds(4));
    }
}
