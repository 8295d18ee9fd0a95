package org.tutorgraph.tutor;

import org.tutorgraph.answer.CheckResult;

import java.util.Objects;

/** Something the learner did on a step, as the hint ladder sees it. */
public sealed interface LadderEvent {

    /**
     * The learner answered.
     *
     * @param text   what they typed
     * @param result how it was graded
     * @param repeat whether it is the same answer (by the item's rules) as an earlier wrong one
     */
    record Answered(String text, CheckResult result, boolean repeat) implements LadderEvent {
        public Answered {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(result, "result");
        }
    }

    /** The learner asked for a hint (a command, "help", "I'm stuck"). */
    record HintAsked() implements LadderEvent {
    }

    /** Anything else: a demand for the answer, small talk, an instruction to the tutor. Never moves the ladder. */
    record Other() implements LadderEvent {
    }
}
