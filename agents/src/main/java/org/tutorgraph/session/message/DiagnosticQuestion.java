package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * A question of the diagnosis, as posed to the learner.
 *
 * @param question the diagnosis' question id (the item's id, or {@code probe:<concept>} for a concept without items)
 * @param item     the item asked, or null for an abstract probe
 * @param concepts the concepts it assesses
 * @param number   1 for the first question of this diagnosis
 * @param budget   the most questions the diagnosis will ask
 * @param prompt   what the learner sees
 * @param choices  the options of a multiple-choice item, else empty
 * @param note     said before the question when it is asked again (after an unreadable answer, a request for a hint,
 *                 or on resume), else ""
 */
public record DiagnosticQuestion(String question, String item, List<String> concepts, int number, int budget,
                                 String prompt, List<String> choices, String note) implements SessionMessage {
    public DiagnosticQuestion {
        Objects.requireNonNull(question, "question");
        concepts = List.copyOf(concepts);
        Objects.requireNonNull(prompt, "prompt");
        choices = choices == null ? List.of() : List.copyOf(choices);
        note = note == null ? "" : note;
    }

    /** The same question, asked again after {@code why}. */
    public DiagnosticQuestion again(String why) {
        return new DiagnosticQuestion(question, item, concepts, number, budget, prompt, choices, why);
    }
}
