package org.tutorgraph.kt;

import java.util.Arrays;

/**
 * Prediction quality on held-out answers.
 *
 * @param auc       area under the ROC curve (ties count one half)
 * @param rmse      root mean squared error of P(correct) against the 0/1 answer
 * @param accuracy  share of answers on the right side of 0.5
 * @param responses how many answers were scored
 */
public record Metrics(double auc, double rmse, double accuracy, int responses) {

    /**
     * Scores {@code predicted[i]} against {@code correct[i]} for the first {@code n} entries. AUC by sorting the
     * positives' and negatives' scores separately and merging (Mann–Whitney U with mid-ranks for ties): O(n log n).
     */
    public static Metrics of(double[] predicted, byte[] correct, int n) {
        int pos = 0;
        for (int i = 0; i < n; i++) pos += correct[i];
        double[] p = new double[pos];
        double[] q = new double[n - pos];
        int ip = 0;
        int iq = 0;
        double se = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            double y = correct[i];
            double d = predicted[i] - y;
            se += d * d;
            if ((predicted[i] >= 0.5) == (correct[i] != 0)) right++;
            if (correct[i] != 0) p[ip++] = predicted[i];
            else q[iq++] = predicted[i];
        }
        return new Metrics(auc(p, q), n == 0 ? Double.NaN : Math.sqrt(se / n), n == 0 ? Double.NaN : (double) right / n, n);
    }

    /** P(a random positive scores above a random negative), ties counting one half. */
    static double auc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) return Double.NaN;
        double[] p = positives.clone();
        double[] q = negatives.clone();
        Arrays.sort(p);
        Arrays.sort(q);
        double wins = 0;
        int below = 0;
        int j = 0;
        for (int i = 0; i < p.length; ) {
            double v = p[i];
            int same = 0;
            while (i < p.length && p[i] == v) {
                same++;
                i++;
            }
            while (below < q.length && q[below] < v) below++;
            j = below;
            int ties = 0;
            while (j < q.length && q[j] == v) {
                ties++;
                j++;
            }
            wins += same * (below + 0.5 * ties);
        }
        return wins / ((double) p.length * q.length);
    }
}
