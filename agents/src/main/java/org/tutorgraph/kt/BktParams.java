package org.tutorgraph.kt;

/**
 * The parameters of Bayesian Knowledge Tracing for one skill (Corbett &amp; Anderson 1995), optionally with forgetting.
 * A two-state hidden Markov model: the learner either knows the skill or not; an answer is correct with probability
 * {@code 1 - slip} when known and {@code guess} when not; after each answer an unknown skill becomes known with
 * probability {@code learn} and a known one is lost with probability {@code forget}.
 *
 * <p>Every operation is O(1). Immutable; validated on construction.
 *
 * @param prior  P(known) before the first answer
 * @param learn  P(unknown → known) after an answer (a practice opportunity)
 * @param slip   P(wrong | known)
 * @param guess  P(correct | unknown)
 * @param forget P(known → unknown) after an answer; 0 in standard BKT
 */
public record BktParams(double prior, double learn, double slip, double guess, double forget) {

    /**
     * Used for a concept without fitted parameters: values in the usual range of published BKT fits (a modest prior,
     * slow learning, slip 0.1, guess 0.2, no forgetting).
     */
    public static final BktParams DEFAULT = new BktParams(0.3, 0.1, 0.1, 0.2, 0.0);

    public BktParams {
        check("prior", prior);
        check("learn", learn);
        check("slip", slip);
        check("guess", guess);
        check("forget", forget);
    }

    /** Standard BKT, without forgetting. */
    public static BktParams of(double prior, double learn, double slip, double guess) {
        return new BktParams(prior, learn, slip, guess, 0.0);
    }

    private static void check(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + value);
        }
    }

    /** P(next answer correct) when P(known) is {@code pKnown}. */
    public double predictCorrect(double pKnown) {
        return pKnown * (1.0 - slip) + (1.0 - pKnown) * guess;
    }

    /** P(known | this answer), before any learning: Bayes' rule with the slip and guess likelihoods. */
    public double condition(double pKnown, boolean correct) {
        double known = pKnown * (correct ? 1.0 - slip : slip);
        double unknown = (1.0 - pKnown) * (correct ? guess : 1.0 - guess);
        double total = known + unknown;
        return total > 0.0 ? known / total : pKnown;
    }

    /** P(known) one opportunity later: learning for an unknown skill, forgetting for a known one. */
    public double transition(double pKnown) {
        return pKnown * (1.0 - forget) + (1.0 - pKnown) * learn;
    }

    /** The online update after one answer: condition on it, then apply the transition. */
    public double update(double pKnown, boolean correct) {
        return transition(condition(pKnown, correct));
    }

    /**
     * The online update on both state probabilities, {@code [P(known), P(unknown)]} in place (normalised). Carrying
     * P(unknown) separately, rather than as {@code 1 - P(known)}, keeps its precision when it is tiny: after a long
     * run of correct answers P(known) rounds to 1.0 and would never come down again. O(1).
     */
    public void update(double[] knownUnknown, boolean correct) {
        double k = knownUnknown[0] * (correct ? 1.0 - slip : slip);
        double u = knownUnknown[1] * (correct ? guess : 1.0 - guess);
        double total = k + u;
        if (total > 0.0) {
            k /= total;
            u /= total;
        } else {
            k = knownUnknown[0];
            u = knownUnknown[1];
        }
        knownUnknown[0] = k * (1.0 - forget) + u * learn;
        knownUnknown[1] = u * (1.0 - learn) + k * forget;
    }

    /** P(next answer correct) from both state probabilities. */
    public double predictCorrect(double pKnown, double pUnknown) {
        return pKnown * (1.0 - slip) + pUnknown * guess;
    }

    /** A copy with another prior (e.g. the posterior a diagnosis left). */
    public BktParams withPrior(double newPrior) {
        return new BktParams(newPrior, learn, slip, guess, forget);
    }
}
