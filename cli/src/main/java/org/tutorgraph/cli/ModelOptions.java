package org.tutorgraph.cli;

import org.tutorgraph.models.config.ConfigException;
import org.tutorgraph.models.config.ConfigKeys;
import org.tutorgraph.models.config.ConfigLayer;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.SettingsResolver;
import org.tutorgraph.models.config.Sourced;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model options shared by {@code tutor chat} and {@code tutor doctor}: add it with {@code @Mixin ModelOptions models;}
 * and call {@link #settings()}. Settings come from the built-in defaults, then the config file, then environment
 * variables, then these flags (a later source wins; see src/docs/backends.md). API keys are never flags: they come
 * from the environment or from a file named here or in the config file.
 */
public final class ModelOptions {

    @Option(names = "--config", paramLabel = "FILE", order = 100,
            description = "Config file (YAML). Default: $TUTORGRAPH_CONFIG, else $XDG_CONFIG_HOME/tutorgraph/config.yaml "
                    + "(~/.config/tutorgraph/config.yaml) when it exists.")
    Path config;

    @Option(names = "--backend", paramLabel = "offline|openai|ollama", order = 101,
            description = "Where every agent's words come from: offline (no model; the default), openai (api.openai.com or "
                    + "any OpenAI-compatible server: vLLM, llama.cpp, LM Studio, Ollama's /v1) or ollama (native API).")
    String backend;

    @Option(names = "--base-url", paramLabel = "URL", order = 102,
            description = "The server, e.g. http://localhost:11434 (ollama) or http://localhost:8000/v1 (openai-compatible). "
                    + "Default: https://api.openai.com/v1 or http://localhost:11434.")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", order = 103,
            description = "The model name, e.g. gpt-4o-mini or llama3.2. Default: gpt-4o-mini (openai), llama3.2 (ollama).")
    String model;

    @Option(names = "--api-key-file", paramLabel = "FILE", order = 104,
            description = "A file whose first line is the API key. Default: the key in $OPENAI_API_KEY (openai only).")
    String apiKeyFile;

    @Option(names = "--api-key-env", paramLabel = "VAR", order = 105,
            description = "The environment variable holding the API key (its name, not the key). Default: OPENAI_API_KEY.")
    String apiKeyEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 106,
            description = "Limit for one attempt: connecting, the first byte, any pause in a stream (30s; e.g. 500ms, 2m).")
    String timeout;

    @Option(names = "--retries", paramLabel = "N", order = 107,
            description = "Extra attempts after a 429 or 5xx, with backoff (1). 401, 404, timeouts are never retried.")
    String retries;

    @Option(names = "--structured-output", paramLabel = "schema|json|prompt", order = 108,
            description = "How grades are asked for: a JSON schema (default), JSON mode, or the prompt alone (for servers "
                    + "that refuse response_format).")
    String structuredOutput;

    @Option(names = "--prompts", paramLabel = "DIR", order = 109,
            description = "A folder of prompt templates that override the shipped ones.")
    String prompts;

    @Option(names = "--stream", negatable = true, order = 110, fallbackValue = "true",
            description = "Show the tutor's words as they are generated (default: on).")
    Boolean stream;

    @ArgGroup(validate = false, heading = "%nTutor model (phrases hints and feedback; default: the options above):%n", order = 200)
    TutorFlags tutor = new TutorFlags();

    @ArgGroup(validate = false, heading = "%nGrader model (the Diagnostician: grades free text, names misconceptions):%n", order = 300)
    GraderFlags grader = new GraderFlags();

    @ArgGroup(validate = false, heading = "%nPlanner model (explains the plan; the plan itself needs no model):%n", order = 400)
    PlannerFlags planner = new PlannerFlags();

    private Map<String, String> environment = System.getenv();

    /** Per-role flags of the tutor. */
    public static final class TutorFlags {
        @Option(names = "--tutor-backend", paramLabel = "BACKEND", order = 201, description = "offline|openai|ollama")
        String backend;
        @Option(names = "--tutor-base-url", paramLabel = "URL", description = "Its server.", order = 202)
        String baseUrl;
        @Option(names = "--tutor-model", paramLabel = "NAME", description = "Its model.", order = 203)
        String model;
        @Option(names = "--tutor-api-key-file", paramLabel = "FILE", description = "Its API key file.", order = 204)
        String apiKeyFile;
        @Option(names = "--tutor-api-key-env", paramLabel = "VAR", description = "Its API key variable.", order = 205)
        String apiKeyEnv;
        @Option(names = "--tutor-timeout", paramLabel = "DURATION", description = "Its timeout.", order = 206)
        String timeout;
    }

    /** Per-role flags of the grader. */
    public static final class GraderFlags {
        @Option(names = "--grader-backend", paramLabel = "BACKEND", order = 301, description = "offline|openai|ollama")
        String backend;
        @Option(names = "--grader-base-url", paramLabel = "URL", description = "Its server.", order = 302)
        String baseUrl;
        @Option(names = "--grader-model", paramLabel = "NAME", description = "Its model.", order = 303)
        String model;
        @Option(names = "--grader-api-key-file", paramLabel = "FILE", description = "Its API key file.", order = 304)
        String apiKeyFile;
        @Option(names = "--grader-api-key-env", paramLabel = "VAR", description = "Its API key variable.", order = 305)
        String apiKeyEnv;
        @Option(names = "--grader-timeout", paramLabel = "DURATION", description = "Its timeout.", order = 306)
        String timeout;
    }

    /** Per-role flags of the planner. */
    public static final class PlannerFlags {
        @Option(names = "--planner-backend", paramLabel = "BACKEND", order = 401, description = "offline|openai|ollama")
        String backend;
        @Option(names = "--planner-base-url", paramLabel = "URL", description = "Its server.", order = 402)
        String baseUrl;
        @Option(names = "--planner-model", paramLabel = "NAME", description = "Its model.", order = 403)
        String model;
        @Option(names = "--planner-api-key-file", paramLabel = "FILE", description = "Its API key file.", order = 404)
        String apiKeyFile;
        @Option(names = "--planner-api-key-env", paramLabel = "VAR", description = "Its API key variable.", order = 405)
        String apiKeyEnv;
        @Option(names = "--planner-timeout", paramLabel = "DURATION", description = "Its timeout.", order = 406)
        String timeout;
    }

    /** Replaces the process environment (tests; an embedding program). */
    public ModelOptions environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The settings after defaults, config file, environment and these flags; a user error names every problem. */
    public Settings settings() {
        try {
            return SettingsResolver.load(config, flagLayer(), environment);
        } catch (ConfigException e) {
            throw new UserException(e.problems().stream().map(p -> "tutor: " + p).toList());
        }
    }

    /** The flags given, as a settings layer. */
    ConfigLayer flagLayer() {
        Map<String, Sourced> m = new LinkedHashMap<>();
        put(m, ConfigKeys.BACKEND, null, backend);
        put(m, ConfigKeys.BASE_URL, null, baseUrl);
        put(m, ConfigKeys.MODEL, null, model);
        put(m, ConfigKeys.API_KEY_FILE, null, apiKeyFile);
        put(m, ConfigKeys.API_KEY_ENV, null, apiKeyEnv);
        put(m, ConfigKeys.TIMEOUT, null, timeout);
        put(m, ConfigKeys.RETRIES, null, retries);
        put(m, ConfigKeys.STRUCTURED_OUTPUT, null, structuredOutput);
        put(m, ConfigKeys.PROMPTS, null, prompts);
        if (stream != null) put(m, ConfigKeys.STREAM, null, stream.toString());
        role(m, ModelRole.TUTOR, tutor.backend, tutor.baseUrl, tutor.model, tutor.apiKeyFile, tutor.apiKeyEnv, tutor.timeout);
        role(m, ModelRole.GRADER, grader.backend, grader.baseUrl, grader.model, grader.apiKeyFile, grader.apiKeyEnv, grader.timeout);
        role(m, ModelRole.PLANNER, planner.backend, planner.baseUrl, planner.model, planner.apiKeyFile, planner.apiKeyEnv, planner.timeout);
        return new ConfigLayer("flags", m);
    }

    private static void role(Map<String, Sourced> m, ModelRole r, String backend, String baseUrl, String model,
                             String apiKeyFile, String apiKeyEnv, String timeout) {
        put(m, ConfigKeys.BACKEND, r, backend);
        put(m, ConfigKeys.BASE_URL, r, baseUrl);
        put(m, ConfigKeys.MODEL, r, model);
        put(m, ConfigKeys.API_KEY_FILE, r, apiKeyFile);
        put(m, ConfigKeys.API_KEY_ENV, r, apiKeyEnv);
        put(m, ConfigKeys.TIMEOUT, r, timeout);
    }

    private static void put(Map<String, Sourced> m, String key, ModelRole role, String value) {
        if (value == null) return;
        String dotted = role == null ? key : ConfigKeys.of(role, key);
        String flag = role == null ? ConfigKeys.flag(key) : ConfigKeys.flag(role, key);
        m.put(dotted, new Sourced(value, flag));
    }
}
