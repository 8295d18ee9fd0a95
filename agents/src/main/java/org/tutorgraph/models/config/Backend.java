package org.tutorgraph.models.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an agent's words come from: no model at all, an OpenAI-compatible server, or Ollama's native API. */
public enum Backend {
    /** No model: the course pack's authored ladder and templated feedback. The default. */
    OFFLINE("offline", "", ""),
    /** api.openai.com or any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, Ollama's /v1). */
    OPENAI("openai", "https://api.openai.com/v1", "gpt-4o-mini"),
    /** Ollama's native API ({@code /api/chat}, {@code /api/tags}). */
    OLLAMA("ollama", "http://localhost:11434", "llama3.2");

    private final String key;
    private final String defaultBaseUrl;
    private final String defaultModel;

    Backend(String key, String defaultBaseUrl, String defaultModel) {
        this.key = key;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    /** The word used in flags, environment variables and the config file. */
    public String key() {
        return key;
    }

    /** The base URL used when none is configured ("" for offline). */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The model used when none is configured ("" for offline). */
    public String defaultModel() {
        return defaultModel;
    }

    public static Optional<Backend> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Backend b : values()) {
            if (b.key.equals(k)) return Optional.of(b);
        }
        if (k.equals("none") || k.equals("off")) return Optional.of(OFFLINE);
        if (k.equals("openai-compatible") || k.equals("openai_compatible")) return Optional.of(OPENAI);
        return Optional.empty();
    }

    /** "offline|openai|ollama", for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Backend::key).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return key;
    }
}
