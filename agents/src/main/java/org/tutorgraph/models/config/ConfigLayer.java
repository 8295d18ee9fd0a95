package org.tutorgraph.models.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One source of settings (the config file, the environment, the flags): dotted keys ({@code model},
 * {@code tutor.model}) to the raw text written and where. Layers are merged by {@link SettingsResolver}.
 */
public final class ConfigLayer {

    private final String name;
    private final Map<String, Sourced> values;
    private final java.nio.file.Path baseDir;

    public ConfigLayer(String name, Map<String, Sourced> values) {
        this(name, values, null);
    }

    /** A layer whose relative paths are relative to {@code baseDir} (the config file's folder), or to the working directory when null. */
    public ConfigLayer(String name, Map<String, Sourced> values, java.nio.file.Path baseDir) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.baseDir = baseDir;
    }

    /** The folder relative paths are resolved against, if not the working directory. */
    public Optional<java.nio.file.Path> baseDir() {
        return Optional.ofNullable(baseDir);
    }

    public static ConfigLayer empty(String name) {
        return new ConfigLayer(name, Map.of());
    }

    /** "config file", "environment", "flags". */
    public String name() {
        return name;
    }

    public Optional<Sourced> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, Sourced> values() {
        return values;
    }

    /**
     * The settings found in environment variables: {@code TUTORGRAPH_MODEL}, {@code TUTORGRAPH_TUTOR_MODEL}, … (blank
     * values count as unset, as shells make clearing a variable awkward).
     */
    public static ConfigLayer fromEnvironment(Map<String, String> env) {
        Map<String, Sourced> values = new LinkedHashMap<>();
        for (String key : ConfigKeys.ROLE_KEYS) put(values, key, ConfigKeys.env(key), env);
        for (String key : ConfigKeys.GLOBAL_KEYS) put(values, key, ConfigKeys.env(key), env);
        for (ModelRole role : ModelRole.values()) {
            for (String key : ConfigKeys.ROLE_KEYS) put(values, ConfigKeys.of(role, key), ConfigKeys.env(role, key), env);
        }
        return new ConfigLayer("environment", values);
    }

    private static void put(Map<String, Sourced> values, String key, String variable, Map<String, String> env) {
        String v = env.get(variable);
        if (v != null && !v.isBlank()) values.put(key, new Sourced(v.strip(), variable));
    }
}
