package org.tutorgraph.models.secret;

import java.util.Objects;

/**
 * An API key. It prints as {@code ApiKey[from OPENAI_API_KEY]} and nothing more: {@link #toString()}, records that
 * hold it and exception messages never show the value. Creating one registers the value with {@link Redactor}, so
 * that text echoed back by a server (an error body repeating the request's headers) is scrubbed too.
 *
 * <p>Keys come only from the environment or a file the user points to, never from a flag (a flag's value shows in
 * {@code ps} and in shell history).
 */
public final class ApiKey {

    private final String value;
    private final String source;

    /**
     * @param value  the key itself (leading and trailing white space removed)
     * @param source where it came from, safe to print: {@code "environment variable OPENAI_API_KEY"}, {@code "file /x"}
     */
    public ApiKey(String value, String source) {
        Objects.requireNonNull(value, "value");
        this.value = value.strip();
        if (this.value.isEmpty()) throw new IllegalArgumentException("an API key cannot be empty");
        this.source = Objects.requireNonNull(source, "source");
        Redactor.register(this.value);
    }

    /** The key, for the one place that needs it: the model client's request header. */
    public String reveal() {
        return value;
    }

    /** Where the key came from, safe to print. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + "]";
    }
}
