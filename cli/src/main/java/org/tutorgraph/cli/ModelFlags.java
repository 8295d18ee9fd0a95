package org.tutorgraph.cli;

import org.tutorgraph.models.config.ConfigKeys;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Sourced;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The model flags every model-using command shares: which server and model, the API key's source, the timeout and
 * retries. They set every agent's model at once; per-agent forms ({@code --tutor-model}, {@code --judge-model}, …)
 * live with the commands that have those agents. API keys are never flags: they come from the environment or a file.
 */
public final class ModelFlags {

    @Option(names = "--backend", paramLabel = "offline|openai|ollama", order = 110,
            description = "Where the model is: offline (no model; the default), openai (api.openai.com or any "
                    + "OpenAI-compatible server: vLLM, llama.cpp, LM Studio, Ollama's /v1) or ollama (native API). "
                    + "A --base-url without --backend means openai.")
    String backend;

    @Option(names = "--base-url", paramLabel = "URL", order = 111,
            description = "The server's URL; OpenAI-compatible ones end in /v1, as in http://localhost:8000/v1. "
                    + "Default for ollama: http://localhost:11434; for openai: https://api.openai.com/v1.")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", order = 112,
            description = "The model name, e.g. gpt-4o-mini or llama3.2. Default: gpt-4o-mini (openai), llama3.2 (ollama).")
    String model;

    @Option(names = "--api-key-file", paramLabel = "FILE", order = 113,
            description = "A file whose first line is the API key. Default: the key in $OPENAI_API_KEY (openai only).")
    String apiKeyFile;

    @Option(names = "--api-key-env", paramLabel = "VAR", order = 114,
            description = "The environment variable holding the API key (its name, not the key). Default: OPENAI_API_KEY.")
    String apiKeyEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 115,
            description = "Limit for one attempt: connecting, the first byte, any pause in a stream (30s; e.g. 500ms, 2m; "
                    + "a bare number is seconds).")
    String timeout;

    @Option(names = "--retries", paramLabel = "N", order = 116,
            description = "Extra attempts after a 429 or 5xx, with backoff (1). 401, 404, timeouts are never retried.")
    String retries;

    /** Adds the flags given to {@code flags} as settings keys. */
    public void addTo(Map<String, Sourced> flags) {
        put(flags, null, ConfigKeys.BACKEND, backend);
        put(flags, null, ConfigKeys.BASE_URL, baseUrl);
        put(flags, null, ConfigKeys.MODEL, model);
        put(flags, null, ConfigKeys.API_KEY_FILE, apiKeyFile);
        put(flags, null, ConfigKeys.API_KEY_ENV, apiKeyEnv);
        put(flags, null, ConfigKeys.TIMEOUT, timeout);
        put(flags, null, ConfigKeys.RETRIES, retries);
    }

    /** Adds one agent's flags ({@code --tutor-backend} …) to {@code flags}; null values are flags not given. */
    public static void addRole(Map<String, Sourced> flags, ModelRole role, String backend, String baseUrl, String model,
                               String apiKeyFile, String apiKeyEnv, String timeout) {
        put(flags, role, ConfigKeys.BACKEND, backend);
        put(flags, role, ConfigKeys.BASE_URL, baseUrl);
        put(flags, role, ConfigKeys.MODEL, model);
        put(flags, role, ConfigKeys.API_KEY_FILE, apiKeyFile);
        put(flags, role, ConfigKeys.API_KEY_ENV, apiKeyEnv);
        put(flags, role, ConfigKeys.TIMEOUT, timeout);
    }

    /** Adds {@code value} (when given) under {@code key}, or the role's own key, with the flag's name as its origin. */
    public static void put(Map<String, Sourced> flags, ModelRole role, String key, String value) {
        if (value == null) return;
        String dotted = role == null ? key : ConfigKeys.of(role, key);
        String flag = role == null ? ConfigKeys.flag(key) : ConfigKeys.flag(role, key);
        flags.put(dotted, new Sourced(value, flag));
    }
}
