package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * A model call failed and the agent took its offline path for the turn. Text is scrubbed of credentials.
 *
 * @param role     the agent whose model failed ({@code tutor}, {@code grader}, {@code planner})
 * @param kind     the failure kind ({@code timeout}, {@code unreachable}, {@code server-error}, …)
 * @param detail   what happened, one line
 * @param note     what the learner was told, or "" when they had already been told about this run of failures
 * @param fallback what was used instead
 */
public record ModelNotice(String role, String kind, String detail, String note, String fallback) implements SessionMessage {
    public ModelNotice {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        note = note == null ? "" : note;
        fallback = fallback == null ? "" : fallback;
    }
}
