package org.tutorgraph.cli;

import org.tutorgraph.models.Models;
import org.tutorgraph.models.config.ConfigException;
import org.tutorgraph.models.config.ConfigKeys;
import org.tutorgraph.models.config.ConfigLayer;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.SettingsResolver;
import org.tutorgraph.models.config.Sourced;
import org.tutorgraph.prompts.PromptLibrary;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --config FILE} and {@code --prompts DIR}: where settings and prompt templates come from. Every command that
 * reads the config file or renders a prompt adds it ({@code @Mixin ConfigOptions config;}), so they all resolve the
 * prompt folders the same way: {@code --prompts DIR}, {@code TUTORGRAPH_PROMPTS}, the config file's {@code prompts:},
 * {@code $XDG_CONFIG_HOME/tutorgraph/prompts/}, then the shipped templates, file by file
 * ({@link Settings#promptDirs()}). The model flags ({@link ModelFlags}, {@link ModelOptions}) build on it.
 */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", order = 100,
            description = "Config file (YAML) with model settings and a prompts folder. Default: $TUTORGRAPH_CONFIG, "
                    + "else config.yaml in $XDG_CONFIG_HOME/tutorgraph or ~/.config/tutorgraph, when it exists.")
    Path config;

    @Option(names = "--prompts", paramLabel = "DIR", order = 101,
            description = "A folder of prompt templates. Each file in it overrides the same file in $TUTORGRAPH_PROMPTS, "
                    + "in the config file's prompts: folder, in the XDG folder and in the shipped templates.")
    String prompts;

    private Map<String, String> environment = System.getenv();

    /** Replaces the process environment (tests; an embedding program). */
    public ConfigOptions environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The settings from the defaults, the config file, the environment and these flags. */
    public Settings settings() {
        return settings(new LinkedHashMap<>());
    }

    /**
     * The settings with {@code moreFlags} (dotted keys such as {@code judge.model}, each with the flag that set it)
     * added to these flags; a user error names every problem with its file and line, variable or flag.
     */
    public Settings settings(Map<String, Sourced> moreFlags) {
        Map<String, Sourced> flags = new LinkedHashMap<>(moreFlags);
        if (prompts != null) flags.put(ConfigKeys.PROMPTS, new Sourced(prompts, ConfigKeys.flag(ConfigKeys.PROMPTS)));
        try {
            return SettingsResolver.load(config, new ConfigLayer("flags", flags), environment);
        } catch (ConfigException e) {
            throw new UserException(e.problems().stream().map(p -> "tutor: " + p).toList());
        }
    }

    /** The prompt templates in use: {@link Models#promptLibrary(Settings)} of {@link #settings()}. */
    public PromptLibrary promptLibrary() {
        return Models.promptLibrary(settings());
    }
}
