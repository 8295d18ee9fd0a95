package org.tutorgraph.cli.eval;

/**
 * A binary detector's confusion counts and the figures derived from them.
 *
 * @param tp flagged and positive
 * @param fp flagged but negative
 * @param fn missed positive
 * @param tn correctly left alone
 */
record DetectorScore(long tp, long fp, long fn, long tn) {

    static DetectorScore empty() {
        return new DetectorScore(0, 0, 0, 0);
    }

    DetectorScore add(boolean flagged, boolean positive) {
        if (flagged && positive) return new DetectorScore(tp + 1, fp, fn, tn);
        if (flagged) return new DetectorScore(tp, fp + 1, fn, tn);
        if (positive) return new DetectorScore(tp, fp, fn + 1, tn);
        return new DetectorScore(tp, fp, fn, tn + 1);
    }

    long positives() {
        return tp + fn;
    }

    long negatives() {
        return fp + tn;
    }

    /** tp / (tp + fp); NaN when nothing was flagged. */
    double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    /** tp / (tp + fn); NaN without positives. */
    double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? Double.NaN : 2 * p * r / (p + r);
    }

    /** False alarms among negatives. */
    double falsePositiveRate() {
        return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
    }
}
