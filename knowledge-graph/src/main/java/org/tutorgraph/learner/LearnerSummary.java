package org.tutorgraph.learner;

import java.time.Instant;

/** One line of {@code tutor learners list}. */
public record LearnerSummary(LearnerId id, long events, int sessions, Instant firstSeen, Instant lastSeen) {
}
