package org.tutorgraph.tutor;

/**
 * What the learner model says about the concept being tutored, for phrasing (a model-backed voice may pitch its words
 * to it; the offline voice does not use it).
 *
 * @param mastery  P(mastered) in [0, 1], or NaN when unknown
 * @param evidence graded answers behind it
 */
public record MasterySummary(double mastery, int evidence) {

    public static MasterySummary unknown() {
        return new MasterySummary(Double.NaN, 0);
    }

    public boolean known() {
        return !Double.isNaN(mastery);
    }
}
