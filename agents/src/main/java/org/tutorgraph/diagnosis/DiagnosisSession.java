package org.tutorgraph.diagnosis;

import org.tutorgraph.kt.ConceptMastery;

import java.util.Map;
import java.util.Optional;

/**
 * One learner's diagnosis, question by question. The caller asks {@link #nextQuestion()}, poses it, grades the
 * answer, and reports it with {@link #observe}; when {@link #isComplete()} the {@link #mastery()} map is the result.
 * Sessions only compute: they send no messages and write nothing (the learner model applies the updates).
 * Not thread-safe: one session per learner.
 */
public interface DiagnosisSession {

    /**
     * The question to ask now, or empty when the diagnosis is complete (or nothing informative is left to ask).
     * Asking again before observing an answer returns the same question.
     */
    Optional<Question> nextQuestion();

    /** Takes a graded answer into account (to the proposed question or to any other question of the course). */
    void observe(Question question, boolean correct);

    /** Takes a graded answer to a question on {@code concept} into account (an abstract probe of that concept). */
    void observe(String concept, boolean correct);

    /** P(mastered) for every concept, with the answers observed on it. */
    Map<String, ConceptMastery> mastery();

    /** Whether the target accuracy or the question budget is reached, or no informative question is left. */
    boolean isComplete();

    /** The belief's own estimate of the mastery map's accuracy: mean over concepts of max(P, 1 − P). */
    double estimatedAccuracy();

    /** Answers observed in this session. */
    int questionsAsked();
}
