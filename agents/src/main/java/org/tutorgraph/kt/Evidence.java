package org.tutorgraph.kt;

import java.time.Instant;

/**
 * What stands behind a posterior: the answers observed on the concept itself.
 *
 * @param answers    graded answers observed on this concept
 * @param correct    how many of them were correct
 * @param lastAnswer when the last of them was observed; {@code null} when {@code answers == 0}
 */
public record Evidence(int answers, int correct, Instant lastAnswer) {

    public static final Evidence NONE = new Evidence(0, 0, null);

    public Evidence {
        if (answers < 0 || correct < 0 || correct > answers) {
            throw new IllegalArgumentException("evidence needs 0 <= correct <= answers, got " + correct + "/" + answers);
        }
    }

    /** This evidence plus one answer. */
    public Evidence plus(boolean isCorrect, Instant at) {
        return new Evidence(answers + 1, correct + (isCorrect ? 1 : 0), at);
    }
}
