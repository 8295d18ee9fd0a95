package org.tutorgraph.tutor;

import java.util.Objects;

/** What the learner sent on a step, as the tutor's facade receives it. See {@link InputClassifier} for free text. */
public sealed interface StudentInput {

    /** An answer to grade. */
    record Attempt(String text) implements StudentInput {
        public Attempt {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An explicit request for a hint ({@code /hint}, "help", "I'm stuck"). */
    record HintRequest() implements StudentInput {
    }

    /**
     * A demand for the answer or an attempt to talk the tutor out of its rules ("just tell me the answer", "ignore your
     * instructions", "my teacher allows it"). Answered politely; never moves the ladder.
     */
    record AnswerDemand(String text) implements StudentInput {
        public AnswerDemand {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Anything else said to the tutor (a question, small talk). Never moves the ladder. */
    record Chat(String text) implements StudentInput {
        public Chat {
            Objects.requireNonNull(text, "text");
        }
    }
}
