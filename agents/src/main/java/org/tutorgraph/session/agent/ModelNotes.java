package org.tutorgraph.session.agent;

import org.tutorgraph.messages.Messages;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.session.message.ModelNotice;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the model layer's failures into {@link ModelNotice} messages of the turn: every failure is recorded (already
 * scrubbed of credentials); the note for the learner goes with the first failure of a run, as {@link ModelNotices}
 * decides. Agents call {@link #record} right after their model calls, before proposing what those calls produced.
 */
final class ModelNotes {

    private ModelNotes() {
    }

    /** Records the failures since the last call; the learner's note in the course's language ({@code say}). */
    static void record(ModelNotices notices, Turn turn, Messages say) {
        if (notices == null) return;
        List<ModelFailure> failures = notices.drainFailures();
        if (failures.isEmpty()) return;
        List<String> notes = new ArrayList<>(notices.drainNotes());
        for (ModelFailure f : failures) {
            String note = notes.remove(f.studentNote()) ? note(f, say) : "";
            turn.propose(new ModelNotice(f.role().key(), f.kind().key(), f.summary(), note, fallback(f)));
        }
        // notes without a failure of this turn (none expected) are still shown
        for (String note : notes) turn.propose(new ModelNotice("model", "note", "", note, ""));
    }

    private static String note(ModelFailure f, Messages say) {
        return switch (f.role()) {
            case TUTOR -> say.text("model.down.tutor");
            case GRADER -> say.text("model.down.grader");
            case PLANNER -> say.text("model.down.planner");
            case JUDGE -> f.studentNote();
        };
    }

    private static String fallback(ModelFailure f) {
        return switch (f.role()) {
            case TUTOR -> "the course's authored hints";
            case GRADER -> "left ungraded";
            case PLANNER -> "the plan's own explanation";
            case JUDGE -> "no judging";
        };
    }
}
