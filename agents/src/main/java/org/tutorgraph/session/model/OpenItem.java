package org.tutorgraph.session.model;

import org.tutorgraph.tutor.LadderState;

import java.util.List;

/**
 * The item the learner is working on, and where they stand on its hint ladder.
 *
 * @param concept    the concept it practises
 * @param item       the item id
 * @param assesses   the concepts the item assesses
 * @param itemNumber 1 for the first item practised on the concept
 * @param ladder     the hint ladder's state after the last reply
 * @param scored     whether the learner's first action on it was already taken as evidence (see {@link LearnerModel})
 * @param dialogue   the last lines exchanged on it ("Student: …", "Tutor: …"), oldest first
 */
public record OpenItem(String concept, String item, List<String> assesses, int itemNumber, LadderState ladder,
                       boolean scored, List<String> dialogue) {
    public OpenItem {
        assesses = List.copyOf(assesses);
        dialogue = List.copyOf(dialogue);
    }

    OpenItem withLadder(LadderState newLadder) {
        return new OpenItem(concept, item, assesses, itemNumber, newLadder, scored, dialogue);
    }

    OpenItem scoredNow() {
        return new OpenItem(concept, item, assesses, itemNumber, ladder, true, dialogue);
    }

    OpenItem withDialogue(List<String> lines) {
        return new OpenItem(concept, item, assesses, itemNumber, ladder, scored, lines);
    }

    /** Whether the learner is still working on it (not solved, not revealed). */
    public boolean isOpen() {
        return ladder.isOpen();
    }
}
