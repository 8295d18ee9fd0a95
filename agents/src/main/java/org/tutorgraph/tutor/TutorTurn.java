package org.tutorgraph.tutor;

import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.Leak;

import java.util.Objects;
import java.util.Optional;

/**
 * One tutor reply, with what the session records about it.
 *
 * @param text          what the tutor says (untrusted for a terminal: print it through a sanitiser)
 * @param rung          the rung this turn shows, empty for feedback without a hint (rung 0)
 * @param move          its teacher move; {@link TeacherMove#TELLING} only with {@link Rung#BOTTOM_OUT}
 * @param situation     what it responds to
 * @param graded        the grading of the learner's attempt, when the input was one
 * @param state         the ladder state after this turn
 * @param guardReplaced the leak the guard found in the voice's first phrasing, when it replaced it
 */
public record TutorTurn(String text, Optional<Rung> rung, TeacherMove move, Situation situation, Optional<CheckResult> graded,
                        LadderState state, Optional<Leak> guardReplaced) {

    public TutorTurn {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(graded, "graded");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(guardReplaced, "guardReplaced");
        if (move == TeacherMove.TELLING && rung.orElse(null) != Rung.BOTTOM_OUT) {
            throw new IllegalArgumentException("telling belongs to bottom-out only, not to " + rung.map(Rung::key).orElse("rung 0"));
        }
    }
}
