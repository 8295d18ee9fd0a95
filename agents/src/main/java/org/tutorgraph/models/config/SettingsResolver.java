package org.tutorgraph.models.config;

import org.tutorgraph.models.secret.ApiKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the sources of settings into {@link Settings}. Precedence, lowest first: built-in defaults, the config file,
 * environment variables, flags. Within one source a role's own key ({@code tutor.model}, {@code TUTORGRAPH_TUTOR_MODEL},
 * {@code --tutor-model}) beats the shared key ({@code model}); across sources the later source wins, so
 * {@code --model X} sets every agent's model even when the config file names one per agent.
 *
 * <p>The judge ({@link ModelRole#JUDGE}) looks for its own key, then the tutor's, then the shared key, within each
 * source. A role whose backend is set nowhere but which has a base URL talks to that URL as an OpenAI-compatible
 * server ({@code --base-url http://localhost:8000/v1} alone is enough).
 *
 * <p>The config file is {@code --config FILE}, else {@code $TUTORGRAPH_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/tutorgraph/config.yaml} (default {@code ~/.config/tutorgraph/config.yaml}) when it exists.
 *
 * <p>Prompt folders layer rather than replace one another: every source's {@code prompts} folder is kept, the
 * highest source first, followed by {@code $XDG_CONFIG_HOME/tutorgraph/prompts/} when it exists
 * ({@link Settings#promptDirs()}); the prompt library puts the shipped templates under them and looks a template up
 * file by file.
 *
 * <p>API keys: {@code apiKeyFile} (a file holding the key) when set, else the environment variable named by
 * {@code apiKeyEnv} (default {@code OPENAI_API_KEY} for the openai backend; ollama sends no key unless one is
 * configured). Neither the key nor its file's content ever appears in a message.
 */
public final class SettingsResolver {

    /** Key files hold one line; anything larger is not a key file. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_RETRIES = 5;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|secs|seconds?|m|min|minutes?)?");

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private SettingsResolver(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Reads the config file (explicit {@code configFlag}, else {@code TUTORGRAPH_CONFIG}, else the XDG default when it
     * exists), the environment and {@code flags}, and resolves them.
     *
     * @throws ConfigException listing every problem, each with its file and line, variable or flag
     */
    public static Settings load(Path configFlag, ConfigLayer flags, Map<String, String> env) {
        Optional<Path> file = configPath(configFlag, env);
        ConfigLayer fileLayer = file.map(ConfigFile::read).orElse(ConfigLayer.empty("config file"));
        return resolve(List.of(fileLayer, ConfigLayer.fromEnvironment(env), flags), env, file);
    }

    /**
     * The config file to read: {@code flag}, else {@code $TUTORGRAPH_CONFIG} (either must exist), else
     * {@code $XDG_CONFIG_HOME/tutorgraph/config.yaml} or {@code ~/.config/tutorgraph/config.yaml} if it exists.
     */
    public static Optional<Path> configPath(Path flag, Map<String, String> env) {
        if (flag != null) {
            if (!Files.isRegularFile(flag)) throw new ConfigException("--config " + flag + ": no such file");
            return Optional.of(flag);
        }
        String named = env.get(ConfigKeys.CONFIG_ENV);
        if (named != null && !named.isBlank()) {
            Path p = expand(named.strip(), null, env);
            if (!Files.isRegularFile(p)) throw new ConfigException(ConfigKeys.CONFIG_ENV + "=" + named + ": no such file");
            return Optional.of(p);
        }
        Path p = defaultConfigPath(env);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** {@code $XDG_CONFIG_HOME/tutorgraph/config.yaml}, or {@code ~/.config/tutorgraph/config.yaml}. */
    public static Path defaultConfigPath(Map<String, String> env) {
        return configHome(env).resolve("config.yaml");
    }

    /** {@code $XDG_CONFIG_HOME/tutorgraph/prompts}, or {@code ~/.config/tutorgraph/prompts}: used when it exists. */
    public static Path defaultPromptDir(Map<String, String> env) {
        return configHome(env).resolve("prompts");
    }

    /**
     * The program's folder in the user's configuration: {@code $XDG_CONFIG_HOME/tutorgraph} when that variable holds
     * an absolute path (the XDG rule), else {@code ~/.config/tutorgraph}.
     */
    public static Path configHome(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home(env).resolve(".config");
        return base.resolve("tutorgraph");
    }

    /**
     * Merges {@code layers} (lowest precedence first) over the defaults.
     *
     * @param env        the environment, read for API keys ({@code apiKeyEnv}) and {@code ~}
     * @param configFile the file the config layer came from, reported in {@link Settings#configFile()}
     */
    public static Settings resolve(List<ConfigLayer> layers, Map<String, String> env, Optional<Path> configFile) {
        SettingsResolver r = new SettingsResolver(env);
        Map<ModelRole, ModelSettings> models = new EnumMap<>(ModelRole.class);
        for (ModelRole role : ModelRole.values()) models.put(role, r.role(role, layers));
        List<Path> prompts = r.promptDirs(layers);
        Optional<String> store = r.pick(layers, null, ConfigKeys.STORE).map(p -> storeValue(p.picked(), p.layer(), env));
        boolean stream = r.pick(layers, null, ConfigKeys.STREAM).map(p -> r.bool(p.picked())).orElse(true);
        if (!r.problems.isEmpty()) throw new ConfigException(List.copyOf(new java.util.LinkedHashSet<>(r.problems)));
        return new Settings(models, prompts, store, stream, configFile);
    }

    private record Picked(Sourced picked, ConfigLayer layer) {
    }

    /**
     * Every source's prompt folder, the highest source first, then the XDG folder when it exists; each folder once. A
     * folder that does not exist is a problem naming where it was set.
     */
    private List<Path> promptDirs(List<ConfigLayer> layers) {
        List<Path> dirs = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            ConfigLayer layer = layers.get(i);
            Optional<Sourced> set = layer.get(ConfigKeys.PROMPTS);
            if (set.isEmpty()) continue;
            Path dir = path(set.get(), layer);
            if (!Files.isDirectory(dir)) {
                problems.add(set.get().origin() + ": no prompt folder at " + dir + " (create it, or fix the path)");
            } else if (!dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        Path xdg = defaultPromptDir(env).toAbsolutePath().normalize();
        if (Files.isDirectory(xdg) && dirs.stream().noneMatch(d -> d.toAbsolutePath().normalize().equals(xdg))) dirs.add(xdg);
        return dirs;
    }

    /**
     * The winning value for {@code key}: the highest layer that sets it; within a layer the role's own key first, then
     * the key of the role it inherits from (the judge: the tutor's), then the shared key.
     */
    private Optional<Picked> pick(List<ConfigLayer> layers, ModelRole role, String key) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            ConfigLayer layer = layers.get(i);
            for (ModelRole r = role; r != null; r = r.inheritsFrom().orElse(null)) {
                Optional<Sourced> own = layer.get(ConfigKeys.of(r, key));
                if (own.isPresent()) return Optional.of(new Picked(own.get(), layer));
            }
            Optional<Sourced> shared = layer.get(key);
            if (shared.isPresent()) return Optional.of(new Picked(shared.get(), layer));
        }
        return Optional.empty();
    }

    private ModelSettings role(ModelRole role, List<ConfigLayer> layers) {
        Map<String, String> origins = new LinkedHashMap<>();
        Optional<Picked> b = pick(layers, role, ConfigKeys.BACKEND);
        Optional<Picked> url = pick(layers, role, ConfigKeys.BASE_URL);
        Backend backend = b.map(p -> Backend.fromKey(p.picked().value()).orElseGet(() -> {
            problems.add(p.picked().origin() + ": unknown backend '" + p.picked().value() + "'; use " + Backend.choices());
            return Backend.OFFLINE;
        })).orElse(url.isPresent() ? Backend.OPENAI : Backend.OFFLINE);
        origins.put(ConfigKeys.BACKEND, b.map(p -> p.picked().origin())
                .orElse(url.map(p -> "implied by " + p.picked().origin() + " (an OpenAI-compatible server)").orElse("default")));

        Duration timeout = pick(layers, role, ConfigKeys.TIMEOUT).map(p -> {
            origins.put(ConfigKeys.TIMEOUT, p.picked().origin());
            return duration(p.picked());
        }).orElse(ModelSettings.DEFAULT_TIMEOUT);
        int retries = pick(layers, role, ConfigKeys.RETRIES).map(p -> {
            origins.put(ConfigKeys.RETRIES, p.picked().origin());
            return retries(p.picked());
        }).orElse(ModelSettings.DEFAULT_RETRIES);
        StructuredOutput structured = pick(layers, role, ConfigKeys.STRUCTURED_OUTPUT).map(p -> {
            origins.put(ConfigKeys.STRUCTURED_OUTPUT, p.picked().origin());
            return StructuredOutput.fromKey(p.picked().value()).orElseGet(() -> {
                problems.add(p.picked().origin() + ": unknown structuredOutput '" + p.picked().value() + "'; use schema|json|prompt");
                return StructuredOutput.SCHEMA;
            });
        }).orElse(StructuredOutput.SCHEMA);

        if (backend == Backend.OFFLINE) {
            return new ModelSettings(role, backend, "", "", Optional.empty(), "", timeout, retries, structured, origins);
        }
        String baseUrl = url.map(p -> {
            origins.put(ConfigKeys.BASE_URL, p.picked().origin());
            return url(p.picked());
        }).orElseGet(() -> {
            origins.put(ConfigKeys.BASE_URL, "default for " + backend.key());
            return backend.defaultBaseUrl();
        });
        String model = pick(layers, role, ConfigKeys.MODEL).map(p -> {
            origins.put(ConfigKeys.MODEL, p.picked().origin());
            return p.picked().value();
        }).orElseGet(() -> {
            origins.put(ConfigKeys.MODEL, "default for " + backend.key());
            return backend.defaultModel();
        });
        if (model.isBlank() || model.chars().anyMatch(Character::isISOControl)) {
            problems.add(origins.get(ConfigKeys.MODEL) + ": the model name must be a single line of text");
        }

        ApiKey key = null;
        String keyNote = "";
        Optional<Picked> keyFile = pick(layers, role, ConfigKeys.API_KEY_FILE);
        Optional<Picked> keyEnv = pick(layers, role, ConfigKeys.API_KEY_ENV);
        if (keyFile.isPresent()) {
            Path file = path(keyFile.get().picked(), keyFile.get().layer());
            origins.put("apiKey", "file " + file);
            try {
                key = readKeyFile(file);
            } catch (KeyFileException e) {
                keyNote = "apiKeyFile " + file + " (" + keyFile.get().picked().origin() + "): " + e.getMessage();
            }
        } else if (keyEnv.isPresent() || backend == Backend.OPENAI) {
            String variable = keyEnv.map(p -> p.picked().value()).orElse("OPENAI_API_KEY");
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                // the value is not echoed: it may well be the key itself
                problems.add(keyEnv.map(p -> p.picked().origin()).orElse("apiKeyEnv")
                        + ": the value is not an environment variable name (apiKeyEnv names the variable that holds the key, not the key)");
            } else {
                origins.put("apiKey", "environment variable " + variable);
                String v = env.get(variable);
                if (v != null && !v.isBlank()) {
                    key = new ApiKey(v, "environment variable " + variable);
                } else {
                    keyNote = "the environment variable " + variable + " is not set"
                            + keyEnv.map(p -> " (named by " + p.picked().origin() + ")").orElse("");
                }
            }
        }
        return new ModelSettings(role, backend, baseUrl, model, Optional.ofNullable(key), keyNote, timeout, retries,
                structured, origins);
    }

    private static final class KeyFileException extends Exception {
        KeyFileException(String message) {
            super(message, null, false, false);
        }
    }

    /** The first non-blank line of {@code file}; its content never appears in an error. */
    private static ApiKey readKeyFile(Path file) throws KeyFileException {
        try {
            if (!Files.isRegularFile(file)) throw new KeyFileException("no such file");
            if (Files.size(file) > MAX_KEY_FILE_BYTES) throw new KeyFileException("too large to be a key file");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (line.isEmpty()) throw new KeyFileException("the file is empty");
            return new ApiKey(line, "file " + file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Duration duration(Sourced s) {
        Matcher m = DURATION.matcher(s.value().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problems.add(s.origin() + ": '" + s.value() + "' is not a duration; write e.g. 30s, 500ms or 2m");
            return ModelSettings.DEFAULT_TIMEOUT;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = unit.equals("ms") ? n : unit.startsWith("m") ? n * 60_000 : n * 1000;
        Duration d = Duration.ofMillis(Math.round(ms));
        if (d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
            problems.add(s.origin() + ": timeout " + s.value() + " is out of range (1ms to 10m)");
            return ModelSettings.DEFAULT_TIMEOUT;
        }
        return d;
    }

    private int retries(Sourced s) {
        try {
            int n = Integer.parseInt(s.value().strip());
            if (n >= 0 && n <= MAX_RETRIES) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(s.origin() + ": retries must be a whole number from 0 to " + MAX_RETRIES + ", not '" + s.value() + "'");
        return ModelSettings.DEFAULT_RETRIES;
    }

    private boolean bool(Sourced s) {
        String v = s.value().strip().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "on", "1").contains(v)) return true;
        if (List.of("false", "no", "off", "0").contains(v)) return false;
        problems.add(s.origin() + ": '" + s.value() + "' is not true or false");
        return true;
    }

    private String url(Sourced s) {
        String v = s.value().strip();
        try {
            java.net.URI u = new java.net.URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getUserInfo() == null) {
                return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            }
            if (u.getUserInfo() != null) {
                problems.add(s.origin() + ": the base URL must not carry credentials; put the key in the environment or apiKeyFile");
                return "";
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        problems.add(s.origin() + ": '" + org.tutorgraph.models.secret.Redactor.scrub(v)
                + "' is not an http(s) URL; e.g. http://localhost:11434 or https://api.openai.com/v1");
        return "";
    }

    private Path path(Sourced s, ConfigLayer layer) {
        return expand(s.value(), layer.baseDir().orElse(null), env);
    }

    private static String storeValue(Sourced s, ConfigLayer layer, Map<String, String> env) {
        String v = s.value().strip();
        if (v.startsWith("jdbc:")) return v;
        return expand(v, layer.baseDir().orElse(null), env).toString();
    }

    /** {@code ~/x} → home/x; a relative path → against {@code baseDir} (or the working directory). */
    static Path expand(String value, Path baseDir, Map<String, String> env) {
        String v = value.strip();
        Path p;
        if (v.equals("~")) p = home(env);
        else if (v.startsWith("~/")) p = home(env).resolve(v.substring(2));
        else p = Path.of(v);
        if (!p.isAbsolute() && baseDir != null) p = baseDir.resolve(p);
        return p.normalize();
    }

    private static Path home(Map<String, String> env) {
        String h = env.get("HOME");
        return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
    }
}
