package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BktParamsTest {

    // prior 0.4, learn 0.2, slip 0.1, guess 0.25: every expected value below is worked out by hand in the comments.
    private final BktParams p = BktParams.of(0.4, 0.2, 0.1, 0.25);

    @Test
    void predictsCorrectnessFromSlipAndGuess() {
        // 0.4 * 0.9 + 0.6 * 0.25 = 0.36 + 0.15
        assertThat(p.predictCorrect(0.4)).isCloseTo(0.51, within(1e-12));
        assertThat(p.predictCorrect(1.0)).isCloseTo(0.9, within(1e-12));
        assertThat(p.predictCorrect(0.0)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void conditionsOnACorrectAnswerThenLearns() {
        // P(known | correct) = 0.36 / 0.51 = 0.705882...; then 0.705882 + 0.294118 * 0.2 = 0.764706
        assertThat(p.condition(0.4, true)).isCloseTo(0.36 / 0.51, within(1e-12));
        assertThat(p.update(0.4, true)).isCloseTo(0.36 / 0.51 + (1 - 0.36 / 0.51) * 0.2, within(1e-12));
        assertThat(p.update(0.4, true)).isCloseTo(0.764706, within(1e-6));
    }

    @Test
    void conditionsOnAWrongAnswerThenLearns() {
        // P(known | wrong) = 0.4*0.1 / (0.04 + 0.6*0.75) = 0.04 / 0.49 = 0.081633; then + 0.918367 * 0.2 = 0.265306
        assertThat(p.condition(0.4, false)).isCloseTo(0.04 / 0.49, within(1e-12));
        assertThat(p.update(0.4, false)).isCloseTo(0.265306, within(1e-6));
    }

    @Test
    void twoComponentUpdateAgreesWithTheSimpleOne() {
        double[] ku = {0.4, 0.6};
        p.update(ku, true);
        assertThat(ku[0]).isCloseTo(p.update(0.4, true), within(1e-12));
        assertThat(ku[0] + ku[1]).isCloseTo(1.0, within(1e-12));
        p.update(ku, false);
        assertThat(ku[0]).isCloseTo(p.update(p.update(0.4, true), false), within(1e-12));
    }

    @Test
    void forgettingPullsAKnownSkillBack() {
        BktParams forgetful = new BktParams(0.4, 0.2, 0.1, 0.25, 0.05);
        // 0.705882 * 0.95 + 0.294118 * 0.2 = 0.670588 + 0.058824 = 0.729412
        assertThat(forgetful.update(0.4, true)).isCloseTo(0.729412, within(1e-6));
        assertThat(forgetful.transition(1.0)).isCloseTo(0.95, within(1e-12));
        assertThat(p.transition(1.0)).isEqualTo(1.0);
    }

    @Test
    void forgettingLowersPredictionsAfterAStreakAndRecoversFasterAfterErrors() {
        BktParams standard = BktParams.of(0.3, 0.2, 0.1, 0.2);
        BktParams forgetful = new BktParams(0.3, 0.2, 0.1, 0.2, 0.1);
        TraceState s = TraceState.initial(standard);
        TraceState f = TraceState.initial(forgetful);
        for (int i = 0; i < 6; i++) {
            s = s.next(standard, true, null);
            f = f.next(forgetful, true, null);
        }
        // Without forgetting a long streak makes mastery nearly certain; with it, the stationary pull keeps it lower.
        assertThat(standard.predictCorrect(s.pKnown(), s.pUnknown())).isGreaterThan(forgetful.predictCorrect(f.pKnown(), f.pUnknown()));
        for (int i = 0; i < 3; i++) {
            s = s.next(standard, false, null);
            f = f.next(forgetful, false, null);
        }
        // Three errors after mastery: the forgetting model believes the skill was lost, the standard one hardly moves.
        assertThat(f.pKnown()).isLessThan(s.pKnown());
        assertThat(s.pKnown()).isGreaterThan(0.5);
        assertThat(f.pKnown()).isLessThan(0.5);
    }

    @Test
    void aLongCorrectStreakDoesNotFreezeMastery() {
        // guess 0.001: ten correct answers give odds of about 900^10 = 3.5e29, far beyond double precision next to 1.0.
        BktParams sharp = BktParams.of(0.5, 0.0, 0.1, 0.001);
        TraceState s = TraceState.initial(sharp);
        for (int i = 0; i < 10; i++) s = s.next(sharp, true, null);
        assertThat(s.pKnown()).isEqualTo(1.0);
        // Each error divides the odds by about 10, so after 35 of them P(known) is about 3.5e29 / 1e35, i.e. tiny.
        for (int i = 0; i < 35; i++) s = s.next(sharp, false, null);
        assertThat(s.pKnown()).isLessThan(1e-3);
    }

    @Test
    void tracerCountsEvidenceAndStampsTheLastAnswer() {
        Instant now = Instant.parse("2025-01-02T03:04:05Z");
        Tracer tracer = new Tracer(new ConceptParams(java.util.Map.of("a", p), BktParams.DEFAULT),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertThat(tracer.predictCorrect("a")).isCloseTo(0.51, within(1e-12));
        ConceptMastery m = tracer.observe("a", true);
        assertThat(m.posterior()).isCloseTo(0.764706, within(1e-6));
        assertThat(m.evidence()).isEqualTo(new Evidence(1, 1, now));
        tracer.observe("a", false);
        assertThat(tracer.mastery("a").evidence().answers()).isEqualTo(2);
        assertThat(tracer.mastery("a").evidence().correct()).isEqualTo(1);
        assertThat(tracer.mastery("b").posterior()).isEqualTo(BktParams.DEFAULT.prior());
    }

    @Test
    void tracerContinuesFromADiagnosis() {
        Tracer tracer = Tracer.continuing(new ConceptParams(java.util.Map.of("a", p), BktParams.DEFAULT),
                java.util.Map.of("a", new ConceptMastery("a", 0.9, Evidence.NONE, true)), java.time.Clock.systemUTC());
        assertThat(tracer.predictCorrect("a")).isCloseTo(0.9 * 0.9 + 0.1 * 0.25, within(1e-12));
    }

    @Test
    void rejectsProbabilitiesOutsideZeroOne() {
        assertThatThrownBy(() -> BktParams.of(1.2, 0.1, 0.1, 0.2)).hasMessageContaining("prior");
        assertThatThrownBy(() -> new BktParams(0.2, 0.1, 0.1, 0.2, -0.1)).hasMessageContaining("forget");
        assertThatThrownBy(() -> BktParams.of(0.2, Double.NaN, 0.1, 0.2)).hasMessageContaining("learn");
    }
}
