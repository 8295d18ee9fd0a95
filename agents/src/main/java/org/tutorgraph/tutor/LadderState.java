package org.tutorgraph.tutor;

import org.tutorgraph.graph.Rung;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a learner stands on one item step's hint ladder. Immutable; serialisable as plain fields.
 *
 * @param level            0 before any hint, else the highest rung shown (1 orient … 4 bottom-out); never goes down
 * @param genuineAttempts  readable, single, new attempts made so far (see {@link HintLadder})
 * @param hintRequests     explicit requests for a hint (and "I don't know"s) so far
 * @param wrongAnswers     the wrong answers given so far, as typed (to recognise a repeat), oldest first
 * @param said             everything the learner typed as an attempt so far (the guard may let the tutor quote it)
 * @param status           open, solved by the learner, or revealed by bottom-out
 */
public record LadderState(int level, int genuineAttempts, int hintRequests, List<String> wrongAnswers, List<String> said,
                          Status status) {

    /** How many typed answers are remembered (the oldest are forgotten first). */
    public static final int MEMORY = 20;

    /** Whether the step is still being worked on. */
    public enum Status { OPEN, SOLVED, REVEALED }

    public LadderState {
        if (level < 0 || level > Rung.BOTTOM_OUT.level()) throw new IllegalArgumentException("level must be 0..4: " + level);
        wrongAnswers = List.copyOf(wrongAnswers);
        said = List.copyOf(said);
        Objects.requireNonNull(status, "status");
    }

    /** A fresh step: no attempt, no hint. */
    public static LadderState start() {
        return new LadderState(0, 0, 0, List.of(), List.of(), Status.OPEN);
    }

    /** The highest rung shown, if any. */
    public Optional<Rung> rung() {
        for (Rung r : Rung.values()) if (r.level() == level) return Optional.of(r);
        return Optional.empty();
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    LadderState withLevel(int newLevel) {
        Status s = newLevel >= Rung.BOTTOM_OUT.level() ? Status.REVEALED : status;
        return new LadderState(newLevel, genuineAttempts, hintRequests, wrongAnswers, said, s);
    }

    LadderState withStatus(Status s) {
        return new LadderState(level, genuineAttempts, hintRequests, wrongAnswers, said, s);
    }

    LadderState countingGenuine() {
        return new LadderState(level, genuineAttempts + 1, hintRequests, wrongAnswers, said, status);
    }

    LadderState countingHintRequest() {
        return new LadderState(level, genuineAttempts, hintRequests + 1, wrongAnswers, said, status);
    }

    LadderState saying(String text) {
        return new LadderState(level, genuineAttempts, hintRequests, wrongAnswers, remember(said, text), status);
    }

    LadderState rememberingWrong(String text) {
        return new LadderState(level, genuineAttempts, hintRequests, remember(wrongAnswers, text), said, status);
    }

    private static List<String> remember(List<String> list, String text) {
        List<String> out = new ArrayList<>(list);
        out.add(text);
        while (out.size() > MEMORY) out.remove(0);
        return out;
    }
}
