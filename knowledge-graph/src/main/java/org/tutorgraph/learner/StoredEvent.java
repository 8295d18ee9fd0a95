package org.tutorgraph.learner;

import java.time.Instant;

/**
 * One event of a learner's append-only log.
 *
 * @param learner the learner it belongs to
 * @param seq     its position in the learner's log: 1, 2, 3, … without gaps
 * @param session the session that produced it
 * @param type    the event's type name
 * @param payload the event as a JSON object
 * @param at      when it was appended
 */
public record StoredEvent(LearnerId learner, long seq, String session, String type, String payload, Instant at) {
}
