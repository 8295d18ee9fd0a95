package org.tutorgraph.models.diagnose;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;

/**
 * Grades a free-text answer that deterministic checking could not decide. {@link #offline()} never grades;
 * {@link LlmAnswerGrader} asks the grader's model. Never throws for a model problem.
 */
public interface AnswerGrader {

    Grade grade(CoursePack pack, Item item, String attempt);

    /** The grader without a model: every undecided answer stays ungraded. */
    static AnswerGrader offline() {
        return (pack, item, attempt) -> new Grade.Ungraded("no grading model is configured", java.util.Optional.empty());
    }
}
