package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

    @Test
    void aucCountsTiesAsHalf() {
        // positives {0.8, 0.4}, negatives {0.4, 0.1}: pairs (0.8>0.4) (0.8>0.1) (0.4=0.4 -> 1/2) (0.4>0.1) = 3.5 / 4
        Metrics m = Metrics.of(new double[]{0.8, 0.4, 0.4, 0.1}, new byte[]{1, 1, 0, 0}, 4);
        assertThat(m.auc()).isCloseTo(0.875, within(1e-12));
        // squared errors 0.04, 0.36, 0.16, 0.01 -> mean 0.1425
        assertThat(m.rmse()).isCloseTo(Math.sqrt(0.1425), within(1e-12));
        // right side of 0.5: 0.8 (yes), 0.4 (no), 0.4 (yes), 0.1 (yes)
        assertThat(m.accuracy()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void predictsEachAnswerFromTheStudentsEarlierAnswersOnThatSkill() {
        BktParams p = BktParams.of(0.4, 0.2, 0.1, 0.25);
        ResponseLog test = ResponseLog.builder(null)
                .add("u1", "s", true).add("u1", "other", false).add("u1", "s", false)
                .add("u2", "s", false)
                .build();
        // u1 on s: 0.51, then from P(known)=0.764706: 0.764706*0.9 + 0.235294*0.25 = 0.747059; u2 on s: 0.51.
        // "other" has no parameters: 0.5. Positives {0.51}; negatives {0.747059, 0.51, 0.5} -> (0 + 0.5 + 1) / 3.
        Evaluation.Result r = Evaluation.evaluate(Map.of("s", p), test);
        assertThat(r.unseenResponses()).isEqualTo(1);
        assertThat(r.skills()).isEqualTo(2);
        assertThat(r.metrics().responses()).isEqualTo(4);
        assertThat(r.metrics().auc()).isCloseTo(1.5 / 3, within(1e-9));
        double se = sq(1 - 0.51) + sq(0.747059) + sq(0.51) + sq(0.5);
        assertThat(r.metrics().rmse()).isCloseTo(Math.sqrt(se / 4), within(1e-6));
    }

    private static double sq(double x) {
        return x * x;
    }
}
