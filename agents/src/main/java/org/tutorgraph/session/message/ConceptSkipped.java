package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * The learner skipped the concept for now ({@code /skip}): the open item is dropped and the tutor moves to plan steps
 * that do not build on it; it comes back when nothing else is left before it.
 *
 * @param concept the concept skipped
 * @param item    the item that was open, or null
 */
public record ConceptSkipped(String concept, String item) implements SessionMessage {
    public ConceptSkipped {
        Objects.requireNonNull(concept, "concept");
    }
}
