package org.tutorgraph.models.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How a structured answer (a grade, a misconception) is asked for. Servers differ: OpenAI, vLLM, llama.cpp and Ollama
 * accept a JSON schema; some OpenAI-compatible servers only know JSON mode or nothing at all. Whatever the mode, the
 * reply is parsed and validated by us, so a weaker mode costs reliability, never correctness.
 */
public enum StructuredOutput {
    /** A JSON schema in the request ({@code response_format: json_schema}; Ollama's {@code format: {schema}}). */
    SCHEMA("schema"),
    /** JSON mode only ({@code response_format: json_object}; Ollama's {@code format: "json"}). */
    JSON("json"),
    /** Nothing in the request: the prompt alone asks for JSON. */
    PROMPT("prompt");

    private final String key;

    StructuredOutput(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<StructuredOutput> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (StructuredOutput s : values()) {
            if (s.key.equals(k)) return Optional.of(s);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
