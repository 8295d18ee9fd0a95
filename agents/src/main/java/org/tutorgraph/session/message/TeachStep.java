package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * The tutor presents an item to practise a concept of the plan. Opens the item (a fresh hint ladder).
 *
 * @param concept     the concept practised
 * @param conceptName its name
 * @param item        the item's id
 * @param assesses    the concepts the item assesses (each gets the item's evidence)
 * @param prompt      what the learner sees
 * @param choices     the options of a multiple-choice item, else empty
 * @param itemNumber  1 for the first item practised on this concept
 * @param items       how many items the course has for it
 * @param reason      why this item now
 */
public record TeachStep(String concept, String conceptName, String item, List<String> assesses, String prompt,
                        List<String> choices, int itemNumber, int items, Reason reason) implements SessionMessage {

    /** Why this item now. */
    public enum Reason {
        /** The first item of the plan's next concept. */
        NEW_CONCEPT,
        /** Another item of the same concept (not mastered yet). */
        NEXT_ITEM,
        /** Back to a concept skipped earlier: the rest of the plan builds on it. */
        RETURN_TO_SKIPPED
    }

    public TeachStep {
        Objects.requireNonNull(concept, "concept");
        conceptName = conceptName == null ? concept : conceptName;
        Objects.requireNonNull(item, "item");
        assesses = assesses == null || assesses.isEmpty() ? List.of(concept) : List.copyOf(assesses);
        Objects.requireNonNull(prompt, "prompt");
        choices = choices == null ? List.of() : List.copyOf(choices);
        Objects.requireNonNull(reason, "reason");
    }
}
