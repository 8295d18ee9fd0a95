package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * A learner's answer and how it was graded: the evidence knowledge tracing feeds on.
 *
 * @param phase         diagnosis (no feedback) or practice
 * @param question      the diagnosis' question id, or the item id in practice
 * @param item          the item, or null for an abstract probe
 * @param concepts      the concepts it assesses (each gets a mastery update when the verdict is evidence)
 * @param attempt       what the learner answered
 * @param verdict       the grading
 * @param misconception the id of the item's misconception the answer matched, or null
 * @param gradedBy      who decided: the deterministic checker, a model grader, or nobody (ungraded)
 * @param detail        a short reason ("could not read a number"), or ""
 */
public record AnswerGraded(Phase phase, String question, String item, List<String> concepts, String attempt,
                           Verdict verdict, String misconception, GradedBy gradedBy, String detail) implements SessionMessage {

    /** When the answer was given. */
    public enum Phase { DIAGNOSIS, PRACTICE }

    /** The grading. */
    public enum Verdict {
        CORRECT, INCORRECT,
        /** "I don't know", blank: in the diagnosis this counts as a wrong answer, in practice it asks for help. */
        NO_ANSWER,
        /** Several answers, or a comparison nobody could decide: not evidence. */
        AMBIGUOUS,
        /** Not an answer of the item's type: not evidence. */
        UNREADABLE
    }

    /** Who decided the verdict. */
    public enum GradedBy { CHECKER, MODEL, NONE }

    public AnswerGraded {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(question, "question");
        concepts = List.copyOf(concepts);
        attempt = attempt == null ? "" : attempt;
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(gradedBy, "gradedBy");
        detail = detail == null ? "" : detail;
    }

    /**
     * Whether knowledge tracing takes this answer as evidence: a definite right or wrong answer; in the diagnosis also
     * "I don't know" (as wrong).
     */
    public boolean isEvidence() {
        return verdict == Verdict.CORRECT || verdict == Verdict.INCORRECT
                || (phase == Phase.DIAGNOSIS && verdict == Verdict.NO_ANSWER);
    }

    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }
}
