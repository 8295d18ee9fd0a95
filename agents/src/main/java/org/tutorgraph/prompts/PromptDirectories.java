package org.tutorgraph.prompts;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * Where templates are looked up: user folders of overrides, highest precedence first, then the defaults shipped
 * inside the program. A file in a higher folder overrides the same file below it; each folder may hold only the few
 * templates it changes.
 *
 * <p>Which user folders apply (the {@code --prompts DIR} flag, {@code TUTORGRAPH_PROMPTS}, the config file's
 * {@code prompts:}, then {@code $XDG_CONFIG_HOME/tutorgraph/prompts/}) is decided in one place, the model settings
 * ({@code Settings.promptDirs()}); every command hands that list here.
 */
public final class PromptDirectories {

    private PromptDirectories() {
    }

    /**
     * The sources in precedence order: {@code userDirs} (highest first), then the shipped defaults.
     *
     * @param userDirs folders of overrides, highest precedence first; a folder listed twice is used once
     */
    public static List<PromptSource> sources(List<Path> userDirs) {
        List<PromptSource> sources = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path dir : userDirs) {
            Path key = dir.toAbsolutePath().normalize();
            if (seen.contains(key)) continue;
            seen.add(key);
            sources.add(PromptSource.user(dir));
        }
        sources.add(PromptSource.defaults());
        return sources;
    }
}
