package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.Item;

import java.util.List;
import java.util.Optional;

/**
 * A diagnostic question: an authored item of the course when there is one, otherwise an abstract probe of a concept
 * ("a question on concept X", for graphs without items) that the caller turns into a concrete question or asks as is.
 *
 * @param id       stable within a session: the item's id, or {@code probe:<concept>}
 * @param concepts the concepts it assesses; a correct answer is expected when all are mastered
 * @param item     the item to ask, empty for an abstract probe
 */
public record Question(String id, List<String> concepts, Optional<Item> item) {

    public Question {
        concepts = List.copyOf(concepts);
        if (concepts.isEmpty()) throw new IllegalArgumentException("a question assesses at least one concept");
    }

    /** The (first) concept the question is about. */
    public String concept() {
        return concepts.get(0);
    }

    public boolean isAbstractProbe() {
        return item.isEmpty();
    }

    static String probeId(String concept) {
        return "probe:" + concept;
    }
}
