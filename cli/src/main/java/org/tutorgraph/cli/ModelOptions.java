package org.tutorgraph.cli;

import org.tutorgraph.models.config.ConfigKeys;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.Sourced;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model options of the tutoring session, shared by {@code tutor chat} and {@code tutor doctor}: add it with
 * {@code @Mixin ModelOptions models;} and call {@link #settings()}. It holds {@link ConfigOptions} ({@code --config},
 * {@code --prompts}) and {@link ModelFlags} (every agent's model), plus the session's own options and the per-agent
 * flags of the Tutor, the Diagnostician (grader) and the Planner. Settings come from the built-in defaults, then the
 * config file, then environment variables, then these flags (a later source wins; see src/docs/backends.md).
 */
public final class ModelOptions {

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Mixin
    ModelFlags model = new ModelFlags();

    @Option(names = "--structured-output", paramLabel = "schema|json|prompt", order = 120,
            description = "How grades are asked for: a JSON schema (default), JSON mode, or the prompt alone (for servers "
                    + "that refuse response_format).")
    String structuredOutput;

    @Option(names = "--stream", negatable = true, order = 121, fallbackValue = "true",
            description = "Show the tutor's words as they are generated (default: on).")
    Boolean stream;

    @ArgGroup(validate = false, heading = "%nTutor model (phrases hints and feedback; default: the options above):%n", order = 200)
    TutorFlags tutor = new TutorFlags();

    @ArgGroup(validate = false, heading = "%nGrader model (the Diagnostician: grades free text, names misconceptions):%n", order = 300)
    GraderFlags grader = new GraderFlags();

    @ArgGroup(validate = false, heading = "%nPlanner model (explains the plan; the plan itself needs no model):%n", order = 400)
    PlannerFlags planner = new PlannerFlags();

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
        config.environment(env);
        return this;
    }

    public Map<String, String> environment() {
        return config.environment();
    }

    /** The config file and prompt folder options inside this mixin (for the prompt library: {@code config().promptLibrary()}). */
    public ConfigOptions config() {
        return config;
    }

    /** The settings after defaults, config file, environment and these flags; a user error names every problem. */
    public Settings settings() {
        Map<String, Sourced> flags = new LinkedHashMap<>();
        model.addTo(flags);
        ModelFlags.put(flags, null, ConfigKeys.STRUCTURED_OUTPUT, structuredOutput);
        if (stream != null) ModelFlags.put(flags, null, ConfigKeys.STREAM, stream.toString());
        ModelFlags.addRole(flags, ModelRole.TUTOR, tutor.backend, tutor.baseUrl, tutor.model, tutor.apiKeyFile, tutor.apiKeyEnv, tutor.timeout);
        ModelFlags.addRole(flags, ModelRole.GRADER, grader.backend, grader.baseUrl, grader.model, grader.apiKeyFile, grader.apiKeyEnv, grader.timeout);
        ModelFlags.addRole(flags, ModelRole.PLANNER, planner.backend, planner.baseUrl, planner.model, planner.apiKeyFile, planner.apiKeyEnv, planner.timeout);
        return config.settings(flags);
    }
}
