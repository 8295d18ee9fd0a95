package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Recovery: data generated from known parameters (2,000 students × 15 answers per skill) is fitted back to within
 * 0.05 of every generating parameter (0.06 for the forgetting model, whose parameters trade off more).
 */
class EmFitterTest {

    private static final BktParams A = BktParams.of(0.3, 0.15, 0.1, 0.2);
    private static final BktParams B = BktParams.of(0.6, 0.05, 0.05, 0.3);

    private static FitOptions options() {
        return FitOptions.defaults().withRestarts(4).withSeed(7).withThreads(2).withMaxIterations(300).withTolerance(1e-8);
    }

    @Test
    void recoversTheParametersThatGeneratedTheData() {
        Map<String, BktParams> truth = new LinkedHashMap<>();
        truth.put("A", A);
        truth.put("B", B);
        ResponseLog log = Simulated.log(11, 2000, 15, truth);
        FitResult fit = new EmFitter(options()).fit(log.bySkill());
        for (SkillFit f : fit.skills()) assertClose(f.params(), truth.get(f.skill()), 0.05);
        assertThat(fit.skills()).extracting(SkillFit::responses).containsExactly(30000, 30000);
        assertThat(fit.skills()).extracting(SkillFit::sequences).containsExactly(2000, 2000);
    }

    @Test
    void recoversForgetting() {
        BktParams truth = new BktParams(0.4, 0.2, 0.1, 0.2, 0.08);
        ResponseLog log = Simulated.log(5, 3000, 15, Map.of("F", truth));
        SkillFit fit = new EmFitter(options().withForgets(true)).fit(log.bySkill()).skills().get(0);
        assertClose(fit.params(), truth, 0.06);
        // The standard model cannot explain the losses: its likelihood is lower on the same data.
        SkillFit standard = new EmFitter(options()).fit(log.bySkill()).skills().get(0);
        assertThat(standard.params().forget()).isZero();
        assertThat(fit.logLikelihood()).isGreaterThan(standard.logLikelihood() + 10);
    }

    @Test
    void keepsSlipAndGuessUnderTheirBounds() {
        // A "skill" whose unknown learners mostly answer right: unbounded EM would set guess above 0.5.
        ResponseLog log = Simulated.log(3, 500, 10, Map.of("G", BktParams.of(0.2, 0.05, 0.1, 0.7)));
        SkillFit fit = new EmFitter(options()).fit(log.bySkill()).skills().get(0);
        assertThat(fit.params().guess()).isLessThan(0.5);
        assertThat(fit.params().slip()).isLessThan(0.5);
        SkillFit loose = new EmFitter(options().withBounds(1.0, 1.0)).fit(log.bySkill()).skills().get(0);
        assertThat(loose.logLikelihood()).isGreaterThanOrEqualTo(fit.logLikelihood() - 1e-6);
    }

    @Test
    void moreIterationsNeverLowerTheLikelihood() {
        ResponseLog log = Simulated.log(2, 300, 12, Map.of("A", A));
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= 30; it++) {
            FitOptions o = options().withRestarts(1).withTolerance(0).withMaxIterations(it);
            double ll = new EmFitter(o).fit(log.bySkill()).skills().get(0).logLikelihood();
            assertThat(ll).isGreaterThanOrEqualTo(previous - 1e-9);
            previous = ll;
        }
    }

    @Test
    void sameSeedSameParametersWhateverTheThreads() {
        Map<String, BktParams> truth = new LinkedHashMap<>();
        truth.put("A", A);
        truth.put("B", B);
        ResponseLog log = Simulated.log(4, 200, 8, truth);
        FitResult one = new EmFitter(options().withThreads(1)).fit(log.bySkill());
        FitResult two = new EmFitter(options().withThreads(3)).fit(log.bySkill());
        assertThat(one.params()).isEqualTo(two.params());
        FitResult otherSeed = new EmFitter(options().withThreads(1).withSeed(8).withRestarts(1)).fit(log.bySkill());
        assertThat(otherSeed.skills().get(0).restart()).isZero();
    }

    private static void assertClose(BktParams actual, BktParams expected, double tolerance) {
        assertThat(actual.prior()).as("prior").isCloseTo(expected.prior(), within(tolerance));
        assertThat(actual.learn()).as("learn").isCloseTo(expected.learn(), within(tolerance));
        assertThat(actual.slip()).as("slip").isCloseTo(expected.slip(), within(tolerance));
        assertThat(actual.guess()).as("guess").isCloseTo(expected.guess(), within(tolerance));
        assertThat(actual.forget()).as("forget").isCloseTo(expected.forget(), within(tolerance));
    }
}
