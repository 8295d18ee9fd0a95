package org.tutorgraph.models.call;

import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.secret.Redactor;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a model call gave nothing usable: a typed value, never an exception, so the session carries on through the
 * offline path. Every text in it is scrubbed of secrets ({@link Redactor}) and safe to print or trace.
 *
 * @param kind     what went wrong
 * @param role     whose call it was
 * @param endpoint the server, as {@code backend baseUrl}
 * @param detail   what happened, one scrubbed line (e.g. {@code "HTTP 503: overloaded"})
 * @param advice   what the user can do about it, one line
 */
public record ModelFailure(Kind kind, ModelRole role, String endpoint, String detail, String advice) {

    /** The kinds of failure, each with how the session and the circuit breaker treat it. */
    public enum Kind {
        /** Nothing listens at the URL (connection refused) or the host does not resolve. */
        UNREACHABLE(false, true),
        /** No answer within the timeout (connecting, the first byte, a pause in a stream, or the whole stream). */
        TIMEOUT(false, true),
        /** HTTP 429. Retried with backoff. */
        RATE_LIMITED(true, true),
        /** HTTP 5xx, or an error reported inside a stream. Retried with backoff. */
        SERVER_ERROR(true, true),
        /** HTTP 401/403: a missing or wrong API key. Never retried. */
        UNAUTHORIZED(false, false),
        /** HTTP 404: the model (or the API path) does not exist on the server. */
        MODEL_NOT_FOUND(false, false),
        /** Another HTTP 4xx: the server refused the request itself. */
        BAD_REQUEST(false, false),
        /** The reply is not the JSON the protocol or our schema requires. */
        MALFORMED(false, false),
        /** The stream ended before its final event ({@code [DONE]}, {@code "done": true}). */
        TRUNCATED(false, true),
        /** The server failed repeatedly just before: calls are skipped for a while (see {@link CircuitBreaker}). */
        CIRCUIT_OPEN(false, false),
        /** A prompt template could not be rendered (a broken override): no call was made. */
        BAD_TEMPLATE(false, false),
        /** Anything else (a bug in a client library, an interrupted thread). */
        UNEXPECTED(false, true);

        private final boolean retriable;
        private final boolean serverHealth;

        Kind(boolean retriable, boolean serverHealth) {
            this.retriable = retriable;
            this.serverHealth = serverHealth;
        }

        /** Whether another attempt may succeed soon (429, 5xx). */
        public boolean retriable() {
            return retriable;
        }

        /** Whether it says the server is unhealthy, counting towards opening the circuit breaker. */
        public boolean serverHealth() {
            return serverHealth;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ModelFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        endpoint = Redactor.scrub(endpoint == null ? "" : endpoint);
        detail = Redactor.scrub(detail == null ? "" : detail);
        advice = Redactor.scrub(advice == null ? "" : advice);
    }

    /** One line for logs, traces and {@code tutor doctor}: {@code tutor model (openai http://…): unreachable: …}. */
    public String summary() {
        return role.key() + " model (" + endpoint + "): " + kind.key() + (detail.isEmpty() ? "" : ": " + detail);
    }

    /**
     * A short, friendly line for the student, saying that the session goes on without the model (the session shows
     * it once per run of failures, not on every turn).
     */
    public String studentNote() {
        return switch (role) {
            case TUTOR -> "(The tutor's language model is not answering right now, so I'm using the course's own hints.)";
            case GRADER -> "(I couldn't have that answer checked by the language model, so it stays ungraded.)";
            case PLANNER -> "(The plan is explained in plain terms: the language model is not answering.)";
            case JUDGE -> "(A judge's model did not answer; that comparison is not counted.)";
        };
    }

    @Override
    public String toString() {
        return summary();
    }
}
