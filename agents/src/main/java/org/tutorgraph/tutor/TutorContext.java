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
 * @param dialogue the last turns on this step, oldest first, one per line, or "" (see {@link Phrasing#dialogue()})
 */
public record TutorContext(Item item, Concept concept, MasterySummary mastery, String language, String dialogue) {
    public TutorContext {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(mastery, "mastery");
        language = language == null || language.isBlank() ? "en" : language;
        dialogue = dialogue == null ? "" : dialogue;
    }

    /** A step without dialogue history. */
    public TutorContext(Item item, Concept concept, MasterySummary mastery, String language) {
        this(item, concept, mastery, language, "");
    }

    public static TutorContext of(Item item, Concept concept) {
        return new TutorContext(item, concept, MasterySummary.unknown(), "en");
    }
}
