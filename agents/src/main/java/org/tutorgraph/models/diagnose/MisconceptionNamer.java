package org.tutorgraph.models.diagnose;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;

/**
 * Names the misconception behind a wrong answer, from the item's known list, when matching the known wrong answers
 * did not. {@link #offline()} never names one; {@link LlmMisconceptionNamer} asks the grader's model.
 */
public interface MisconceptionNamer {

    Naming name(CoursePack pack, Item item, String wrongAnswer);

    static MisconceptionNamer offline() {
        return (pack, item, attempt) -> new Naming.Unnamed("no grading model is configured", java.util.Optional.empty());
    }
}
