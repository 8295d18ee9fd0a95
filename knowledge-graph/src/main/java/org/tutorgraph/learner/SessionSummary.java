package org.tutorgraph.learner;

import java.time.Instant;

/**
 * One session of a learner.
 *
 * @param id       the session id
 * @param learner  the learner it belongs to
 * @param firstSeq the learner's sequence number of its first event
 * @param lastSeq  the learner's sequence number of its last event
 * @param events   how many events it appended
 * @param started  when its first event was appended
 * @param last     when its last event was appended
 */
public record SessionSummary(String id, LearnerId learner, long firstSeq, long lastSeq, long events, Instant started,
                             Instant last) {
}
