package org.tutorgraph.diagnosis;

/**
 * A question as the belief sees it: the concept indexes it needs (all mastered → correct with probability
 * {@code 1 − slip}, otherwise correct with probability {@code guess} — the DINA model), and how often it may be asked.
 */
final class Probe {
    final int index;
    final Question question;
    final int[] concepts;
    final double slip;
    final double guess;
    final int maxAsks;

    Probe(int index, Question question, int[] concepts, double slip, double guess, int maxAsks) {
        this.index = index;
        this.question = question;
        this.concepts = concepts;
        this.slip = slip;
        this.guess = guess;
        this.maxAsks = maxAsks;
    }

    /** log P(answer | all concepts mastered) − log P(answer | not): the evidence one answer carries. */
    double logRatio(boolean correct) {
        return correct ? Math.log((1 - slip) / guess) : Math.log(slip / (1 - guess));
    }

    double logLikelihood(boolean mastered, boolean correct) {
        if (mastered) return Math.log(correct ? 1 - slip : slip);
        return Math.log(correct ? guess : 1 - guess);
    }
}
