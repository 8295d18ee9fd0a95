package org.tutorgraph.session.message;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TeacherMove;

import java.util.Objects;

/**
 * What the tutor said on the open item, exactly as shown, and the item's hint ladder after it. Below bottom-out the
 * text has passed the answer-leak guard.
 *
 * @param item          the item
 * @param text          the words, as the learner saw them
 * @param rung          the rung this reply shows, or null for feedback without a new hint
 * @param move          the teacher move (MathDial's taxonomy); telling only at bottom-out
 * @param situation     what it responds to
 * @param guardReplaced whether the guard replaced the voice's first phrasing because it revealed the answer
 * @param leakForm      the form of the replaced leak ({@code number}, {@code expression}, …), or null
 * @param ladder        the item's ladder after this reply (level, attempts, status): the state resume continues from
 */
public record TutorReply(String item, String text, Rung rung, TeacherMove move, Situation situation, boolean guardReplaced,
                         String leakForm, LadderState ladder) implements SessionMessage {
    public TutorReply {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(ladder, "ladder");
        if (move == TeacherMove.TELLING && rung != Rung.BOTTOM_OUT) {
            throw new IllegalArgumentException("telling belongs to bottom-out only");
        }
    }
}
