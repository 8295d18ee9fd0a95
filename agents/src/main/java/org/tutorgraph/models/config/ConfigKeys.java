package org.tutorgraph.models.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every configuration key, with its environment variable and flag: the single list the config file reader, the
 * environment reader, the picocli mixin and the documentation agree on.
 *
 * <p>Keys a role may override ({@link #ROLE_KEYS}) are written {@code model} (every role) or {@code tutor.model} (one
 * role); their variables are {@code TUTORGRAPH_MODEL} and {@code TUTORGRAPH_TUTOR_MODEL}; their flags {@code --model}
 * and {@code --tutor-model}.
 */
public final class ConfigKeys {

    public static final String BACKEND = "backend";
    public static final String BASE_URL = "baseUrl";
    public static final String MODEL = "model";
    public static final String API_KEY_ENV = "apiKeyEnv";
    public static final String API_KEY_FILE = "apiKeyFile";
    public static final String TIMEOUT = "timeout";
    public static final String RETRIES = "retries";
    public static final String STRUCTURED_OUTPUT = "structuredOutput";

    public static final String PROMPTS = "prompts";
    public static final String STORE = "store";
    public static final String STREAM = "stream";

    /** Keys set for every role at the top level, or for one role in its section. */
    public static final List<String> ROLE_KEYS = List.of(BACKEND, BASE_URL, MODEL, API_KEY_ENV, API_KEY_FILE, TIMEOUT,
            RETRIES, STRUCTURED_OUTPUT);
    /** Keys that exist only at the top level. */
    public static final List<String> GLOBAL_KEYS = List.of(PROMPTS, STORE, STREAM);

    /** The environment variable that names the config file. */
    public static final String CONFIG_ENV = "TUTORGRAPH_CONFIG";

    private static final Map<String, String> ENV_SUFFIX = new LinkedHashMap<>();
    private static final Map<String, String> FLAG_SUFFIX = new LinkedHashMap<>();

    static {
        ENV_SUFFIX.put(BACKEND, "BACKEND");
        ENV_SUFFIX.put(BASE_URL, "BASE_URL");
        ENV_SUFFIX.put(MODEL, "MODEL");
        ENV_SUFFIX.put(API_KEY_ENV, "API_KEY_ENV");
        ENV_SUFFIX.put(API_KEY_FILE, "API_KEY_FILE");
        ENV_SUFFIX.put(TIMEOUT, "TIMEOUT");
        ENV_SUFFIX.put(RETRIES, "RETRIES");
        ENV_SUFFIX.put(STRUCTURED_OUTPUT, "STRUCTURED_OUTPUT");
        ENV_SUFFIX.put(PROMPTS, "PROMPTS");
        ENV_SUFFIX.put(STORE, "STORE");
        ENV_SUFFIX.put(STREAM, "STREAM");
        FLAG_SUFFIX.put(BACKEND, "backend");
        FLAG_SUFFIX.put(BASE_URL, "base-url");
        FLAG_SUFFIX.put(MODEL, "model");
        FLAG_SUFFIX.put(API_KEY_ENV, "api-key-env");
        FLAG_SUFFIX.put(API_KEY_FILE, "api-key-file");
        FLAG_SUFFIX.put(TIMEOUT, "timeout");
        FLAG_SUFFIX.put(RETRIES, "retries");
        FLAG_SUFFIX.put(STRUCTURED_OUTPUT, "structured-output");
        FLAG_SUFFIX.put(PROMPTS, "prompts");
        FLAG_SUFFIX.put(STORE, "store");
        FLAG_SUFFIX.put(STREAM, "stream");
    }

    private ConfigKeys() {
    }

    /** The dotted key of a role's own setting: {@code tutor.model}. */
    public static String of(ModelRole role, String key) {
        return role.key() + "." + key;
    }

    /** {@code TUTORGRAPH_MODEL}, {@code TUTORGRAPH_PROMPTS}. */
    public static String env(String key) {
        return "TUTORGRAPH_" + ENV_SUFFIX.get(key);
    }

    /** {@code TUTORGRAPH_TUTOR_MODEL}. */
    public static String env(ModelRole role, String key) {
        return "TUTORGRAPH_" + role.envName() + "_" + ENV_SUFFIX.get(key);
    }

    /** {@code --model}. */
    public static String flag(String key) {
        return "--" + FLAG_SUFFIX.get(key);
    }

    /** {@code --tutor-model}. */
    public static String flag(ModelRole role, String key) {
        return "--" + role.key() + "-" + FLAG_SUFFIX.get(key);
    }

    /** Every dotted key a layer may hold. */
    public static Set<String> all() {
        Set<String> keys = new java.util.LinkedHashSet<>(ROLE_KEYS);
        keys.addAll(GLOBAL_KEYS);
        for (ModelRole r : ModelRole.values()) {
            for (String k : ROLE_KEYS) keys.add(of(r, k));
        }
        return keys;
    }
}
