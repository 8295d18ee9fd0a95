package org.tutorgraph.models.call;

import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;
import org.tutorgraph.models.config.ModelRole;

import static org.assertj.core.api.Assertions.assertThat;

class UsageAndNoticesTest {

    @Test
    void meterCountsPerRoleAndPerTurn() {
        UsageMeter m = new UsageMeter();
        m.beginTurn();
        m.recordSuccess(ModelRole.TUTOR, new TokenUsage(700, 80));
        m.recordSuccess(ModelRole.GRADER, new TokenUsage(300, 20));
        m.beginTurn();
        m.recordFailure(ModelRole.TUTOR);
        m.recordSuccess(ModelRole.TUTOR, null);
        assertThat(m.turn()).isEqualTo(new Usage(2, 1, 0, 0, 1));
        assertThat(m.turns()).containsExactly(new Usage(2, 0, 1000, 100, 0));
        assertThat(m.totals().get(ModelRole.TUTOR)).isEqualTo(new Usage(3, 1, 700, 80, 1));
        assertThat(m.total().totalTokens()).isEqualTo(1100);
        assertThat(m.report()).hasSize(7)
                .anySatisfy(l -> assertThat(l).startsWith("tutor").contains("700").contains("80"))
                .anySatisfy(l -> assertThat(l).startsWith("this turn"))
                .contains("1 call had no token counts from the server.");
    }

    @Test
    void noticesSpeakOncePerRunOfFailures() {
        ModelNotices n = new ModelNotices();
        ModelFailure f = new ModelFailure(ModelFailure.Kind.TIMEOUT, ModelRole.TUTOR, "ollama http://x", "slow", "raise it");
        n.failed(f);
        n.failed(f);
        assertThat(n.drainNotes()).hasSize(1);
        n.failed(f);
        assertThat(n.drainNotes()).isEmpty();
        assertThat(n.failing(ModelRole.TUTOR)).isTrue();
        n.succeeded(ModelRole.TUTOR);
        n.failed(f);
        assertThat(n.drainNotes()).hasSize(1);
        assertThat(n.drainFailures()).hasSize(4);
        assertThat(n.drainFailures()).isEmpty();
        assertThat(n.lastFailure(ModelRole.TUTOR)).contains(f);
    }
}
