package org.tutorgraph.tutor;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Item;

import java.util.Objects;

/**
 * The step being tutored, as the orchestrator hands it to the tutor.
 *
 * @param item     the item
 * @param concept  the concept it is tutored for (one of the item's concepts)
 * @param mastery  the learner model's view of that concept
 * @param language the language to answer in
 */
public record TutorContext(Item item, Concept concept, MasterySummary mastery, String language) {
    public TutorContext {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(mastery, "mastery");
        language = language == null || language.isBlank() ? "en" : language;
    }

    public static TutorContext of(Item item, Concept concept) {
        return new TutorContext(item, concept, MasterySummary.unknown(), "en");
    }
}
