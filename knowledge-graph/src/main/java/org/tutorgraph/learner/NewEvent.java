package org.tutorgraph.learner;

import java.util.Objects;

/**
 * An event about to be appended to a learner's log.
 *
 * @param type    the event's type name (the simple name of the message record that produced it, e.g. {@code AnswerGraded})
 * @param payload the event as a JSON object
 */
public record NewEvent(String type, String payload) {
    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
