package org.tutorgraph.models.config;

import org.tutorgraph.models.secret.ApiKey;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's resolved model setting. Printing it never shows the API key ({@link ApiKey} prints its source only).
 *
 * @param role             whose setting it is
 * @param backend          offline, openai or ollama
 * @param baseUrl          the server ("" when offline): {@code https://api.openai.com/v1}, {@code http://localhost:11434}
 * @param model            the model name ("" when offline)
 * @param apiKey           the key sent as {@code Authorization: Bearer}, when there is one
 * @param keyNote          why there is no key although one may be needed (e.g. "apiKeyEnv names MY_KEY, which is not
 *                         set"), or "" — shown by {@code tutor doctor} and in 401 messages
 * @param timeout          the limit for one attempt: connecting and the first byte, and each pause inside a stream
 * @param retries          extra attempts after a 429 or a 5xx (never after 401, 404, a timeout or a refused connection)
 * @param structuredOutput how grades and misconceptions are asked for
 * @param origins          where each value came from, by key ({@code model → "flag --tutor-model"}), safe to print
 */
public record ModelSettings(ModelRole role, Backend backend, String baseUrl, String model, Optional<ApiKey> apiKey,
                            String keyNote, Duration timeout, int retries, StructuredOutput structuredOutput,
                            Map<String, String> origins) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 1;

    public ModelSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(backend, "backend");
        baseUrl = baseUrl == null ? "" : baseUrl;
        model = model == null ? "" : model;
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        keyNote = keyNote == null ? "" : keyNote;
        Objects.requireNonNull(timeout, "timeout");
        structuredOutput = structuredOutput == null ? StructuredOutput.SCHEMA : structuredOutput;
        origins = origins == null ? Map.of() : Map.copyOf(origins);
    }

    /** A role with no model. */
    public static ModelSettings offline(ModelRole role) {
        return new ModelSettings(role, Backend.OFFLINE, "", "", Optional.empty(), "", DEFAULT_TIMEOUT, DEFAULT_RETRIES,
                StructuredOutput.SCHEMA, Map.of());
    }

    /** A role using {@code backend} at {@code baseUrl} with {@code model}, other values at their defaults (tests, tools). */
    public static ModelSettings of(ModelRole role, Backend backend, String baseUrl, String model) {
        return new ModelSettings(role, backend, baseUrl, model, Optional.empty(), "", DEFAULT_TIMEOUT, DEFAULT_RETRIES,
                StructuredOutput.SCHEMA, Map.of());
    }

    public boolean offline() {
        return backend == Backend.OFFLINE;
    }

    /** The server this role talks to, shared by roles on the same server (one circuit breaker per endpoint). */
    public String endpoint() {
        return backend.key() + " " + baseUrl;
    }

    /** Whether two roles would make identical calls (same server, model, key and options): doctor checks them once. */
    public boolean sameModelAs(ModelSettings other) {
        return backend == other.backend && baseUrl.equals(other.baseUrl) && model.equals(other.model)
                && apiKey.equals(other.apiKey) && timeout.equals(other.timeout) && retries == other.retries
                && structuredOutput == other.structuredOutput;
    }

    /** One line, safe to print: {@code openai gpt-4o-mini at https://api.openai.com/v1 (key from OPENAI_API_KEY)}. */
    public String describe() {
        if (offline()) return "offline (no model)";
        String key = apiKey.map(k -> "key from " + k.source()).orElse("no API key");
        return backend.key() + " " + model + " at " + baseUrl + " (" + key + ", timeout " + seconds(timeout)
                + ", retries " + retries + ")";
    }

    public ModelSettings withTimeout(Duration t) {
        return new ModelSettings(role, backend, baseUrl, model, apiKey, keyNote, t, retries, structuredOutput, origins);
    }

    public ModelSettings withRetries(int r) {
        return new ModelSettings(role, backend, baseUrl, model, apiKey, keyNote, timeout, r, structuredOutput, origins);
    }

    public ModelSettings withApiKey(ApiKey key) {
        return new ModelSettings(role, backend, baseUrl, model, Optional.ofNullable(key), keyNote, timeout, retries,
                structuredOutput, origins);
    }

    public ModelSettings withStructuredOutput(StructuredOutput s) {
        return new ModelSettings(role, backend, baseUrl, model, apiKey, keyNote, timeout, retries, s, origins);
    }

    public ModelSettings withRole(ModelRole r) {
        return new ModelSettings(r, backend, baseUrl, model, apiKey, keyNote, timeout, retries, structuredOutput, origins);
    }

    /** {@code 30s}, {@code 1.5s}, {@code 250ms}. */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + "ms";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
