package org.tutorgraph.graph;

import java.util.List;

/**
 * A known wrong way of thinking about an item, recognisable by the wrong answers it produces.
 *
 * @param id           unique within its item
 * @param description  what the learner believes
 * @param wrongAnswers answers this misconception produces (written like the item's answers)
 * @param probe        the tutor's probing question for a learner who shows it ("" to use the ladder's probe rung)
 */
public record Misconception(String id, String description, List<String> wrongAnswers, String probe) {
    public Misconception {
        wrongAnswers = List.copyOf(wrongAnswers);
        description = description == null ? "" : description;
        probe = probe == null ? "" : probe;
    }
}
