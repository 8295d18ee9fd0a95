package org.tutorgraph.kt;

import java.util.Map;

/**
 * Scores fitted parameters on held-out responses the way pyBKT's {@code evaluate} does: per skill, each student's
 * answers are predicted online — the prediction for an answer is P(correct) from the posterior after that student's
 * previous answers on the same skill (predict, then update with the answer) — and all predictions are pooled for
 * AUC, RMSE and accuracy. A skill absent from the parameters is predicted at 0.5 (pyBKT's "best effort" default) and
 * counted in {@link Result#unseenResponses()}. O(N log N) for N responses (the AUC sort).
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param metrics         pooled prediction metrics
     * @param skills          skills in the test log
     * @param unseenResponses test responses on skills without parameters (predicted at 0.5)
     */
    public record Result(Metrics metrics, int skills, int unseenResponses) {
    }

    public static Result evaluate(Map<String, BktParams> params, ResponseLog test) {
        SkillSequences data = test.bySkill();
        byte[] obs = data.obs();
        int[] seqStart = data.seqStart();
        double[] predicted = new double[obs.length];
        int unseen = 0;
        double[] state = new double[2];
        for (int k = 0; k < data.skillCount(); k++) {
            BktParams bkt = params.get(data.skills().get(k));
            for (int q = data.skillSeqStart()[k]; q < data.skillSeqStart()[k + 1]; q++) {
                if (bkt == null) {
                    for (int t = seqStart[q]; t < seqStart[q + 1]; t++) predicted[t] = 0.5;
                    unseen += seqStart[q + 1] - seqStart[q];
                    continue;
                }
                state[0] = bkt.prior();
                state[1] = 1.0 - bkt.prior();
                for (int t = seqStart[q]; t < seqStart[q + 1]; t++) {
                    predicted[t] = bkt.predictCorrect(state[0], state[1]);
                    bkt.update(state, obs[t] != 0);
                }
            }
        }
        return new Result(Metrics.of(predicted, obs, obs.length), data.skillCount(), unseen);
    }
}
