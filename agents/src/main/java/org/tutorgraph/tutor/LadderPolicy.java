package org.tutorgraph.tutor;

/**
 * How the hint ladder may climb.
 *
 * @param attemptsBeforeBottomOut genuine attempts the learner must make on a step before bottom-out (the answer) may
 *                                be shown; hint requests alone stop at scaffold
 */
public record LadderPolicy(int attemptsBeforeBottomOut) {

    /** Two genuine attempts, as most step-based tutors allow before showing the worked step. */
    public static final LadderPolicy DEFAULT = new LadderPolicy(2);

    public LadderPolicy {
        if (attemptsBeforeBottomOut < 1) throw new IllegalArgumentException("attemptsBeforeBottomOut must be at least 1: " + attemptsBeforeBottomOut);
    }
}
