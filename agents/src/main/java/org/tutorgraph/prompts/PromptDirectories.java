package org.tutorgraph.prompts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where templates are looked up, highest precedence first: the {@code --prompts DIR} flag, the configuration
 * file's {@code prompts} setting, {@code $XDG_CONFIG_HOME/tutorgraph/prompts/} (default {@code ~/.config/…}),
 * then the defaults shipped inside the program. A file in a higher directory overrides the same file below it;
 * each directory may hold only the few templates it changes.
 */
public final class PromptDirectories {

    private PromptDirectories() {
    }

    /**
     * The sources in precedence order.
     *
     * @param flagDir   the {@code --prompts} directory, or null
     * @param configDir the configuration file's setting, or null
     * @param env       the environment (for {@code XDG_CONFIG_HOME} and {@code HOME})
     */
    public static List<PromptSource> standard(Path flagDir, Path configDir, Map<String, String> env) {
        List<PromptSource> sources = new ArrayList<>();
        if (flagDir != null) sources.add(PromptSource.user(flagDir));
        if (configDir != null && !configDir.equals(flagDir)) sources.add(PromptSource.user(configDir));
        Path xdg = xdgDirectory(env);
        if (xdg != null && Files.isDirectory(xdg) && !xdg.equals(flagDir) && !xdg.equals(configDir)) sources.add(PromptSource.user(xdg));
        sources.add(PromptSource.defaults());
        return sources;
    }

    /** {@code $XDG_CONFIG_HOME/tutorgraph/prompts}, or {@code $HOME/.config/tutorgraph/prompts}; null when neither is known. */
    public static Path xdgDirectory(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "tutorgraph", "prompts");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (home == null || home.isBlank()) return null;
        return Path.of(home, ".config", "tutorgraph", "prompts");
    }
}
