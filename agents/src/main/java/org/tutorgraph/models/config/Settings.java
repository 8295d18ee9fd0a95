package org.tutorgraph.models.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the model layer needs, resolved from defaults, the config file, the environment and the flags (in that
 * order; a later source wins). Built by {@link SettingsResolver}; {@code tutor chat} and {@code tutor doctor} get it
 * from the {@code ModelOptions} mixin.
 *
 * @param models     each role's model setting
 * @param promptDirs folders of prompt templates overriding the shipped ones, file by file, the highest precedence
 *                   first: the {@code prompts} of the flags, the environment, the config file, then the XDG folder
 *                   ({@code ~/.config/tutorgraph/prompts}) when it exists
 * @param store      the learner store named by {@code store:} in the config file or {@code TUTORGRAPH_STORE}, if any
 *                   (the {@code --store} flag is the store's own option and wins over it)
 * @param stream     whether the tutor's words are shown as they are generated
 * @param configFile the config file that was read, if any
 */
public record Settings(Map<ModelRole, ModelSettings> models, List<Path> promptDirs, Optional<String> store,
                       boolean stream, Optional<Path> configFile) {

    public Settings {
        EnumMap<ModelRole, ModelSettings> m = new EnumMap<>(ModelRole.class);
        for (ModelRole r : ModelRole.values()) {
            ModelSettings s = models.get(r);
            m.put(r, s == null ? ModelSettings.offline(r) : s);
        }
        models = java.util.Collections.unmodifiableMap(m);
        promptDirs = promptDirs == null ? List.of() : List.copyOf(promptDirs);
        store = Objects.requireNonNullElse(store, Optional.empty());
        configFile = Objects.requireNonNullElse(configFile, Optional.empty());
    }

    /** Every role offline: the default when nothing is configured. */
    public static Settings offline() {
        return new Settings(Map.of(), List.of(), Optional.empty(), true, Optional.empty());
    }

    public ModelSettings model(ModelRole role) {
        return models.get(role);
    }

    public ModelSettings tutor() {
        return models.get(ModelRole.TUTOR);
    }

    public ModelSettings grader() {
        return models.get(ModelRole.GRADER);
    }

    public ModelSettings planner() {
        return models.get(ModelRole.PLANNER);
    }

    /** Whether no role uses a model (nothing to check, nothing can fail). */
    public boolean allOffline() {
        return models.values().stream().allMatch(ModelSettings::offline);
    }

    public Settings with(ModelSettings s) {
        EnumMap<ModelRole, ModelSettings> m = new EnumMap<>(models);
        m.put(s.role(), s);
        return new Settings(m, promptDirs, store, stream, configFile);
    }
}
