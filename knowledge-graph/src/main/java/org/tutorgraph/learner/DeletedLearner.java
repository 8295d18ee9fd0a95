package org.tutorgraph.learner;

/** What {@link LearnerStore#delete} removed. */
public record DeletedLearner(LearnerId id, long events, int sessions, int concepts) {
}
