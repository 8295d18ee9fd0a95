package org.tutorgraph.models.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML config file into a {@link ConfigLayer}, remembering the line of every value. The format:
 * <pre>
 * backend: openai                  # offline | openai | ollama   (every agent, unless its section says otherwise)
 * baseUrl: http://localhost:8000/v1
 * model: qwen2.5-7b-instruct
 * apiKeyEnv: OPENAI_API_KEY        # the variable holding the key; or apiKeyFile: ~/.config/tutorgraph/key
 * timeout: 30s                     # per attempt: 500ms, 30s, 2m, or a number of seconds
 * retries: 1                       # extra attempts after a 429 or 5xx
 * structuredOutput: schema         # schema | json | prompt
 * prompts: ~/my-prompts            # a folder of prompt templates overriding the shipped ones
 * store: ~/.local/share/tutorgraph/learners.db
 * stream: true                     # the tutor's words appear as they are generated
 * tutor:   {model: llama3.1:8b, backend: ollama, baseUrl: http://localhost:11434}
 * grader:  {model: qwen2.5:3b}     # "diagnostician:" is accepted too
 * planner: {backend: offline}
 * </pre>
 * Unknown keys, a wrong shape (a list where a value belongs) and unreadable YAML are errors naming file and line.
 * A file larger than {@link #MAX_BYTES} is refused unread.
 */
public final class ConfigFile {

    /** Config files are a few lines; anything bigger is a mistake (or an attack), refused before it is read. */
    public static final long MAX_BYTES = 256 * 1024;

    private static final YAMLFactory YAML = new YAMLFactory();

    private ConfigFile() {
    }

    /** The layer written in {@code file}; a problem in it is a {@link ConfigException} naming file and line. */
    public static ConfigLayer read(Path file) {
        try {
            if (!Files.isRegularFile(file)) throw new ConfigException(file + ": no such config file");
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": too large for a config file (over " + MAX_BYTES / 1024 + " KiB)");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ConfigLayer layer = parse(in, file.toString());
                Path dir = file.toAbsolutePath().getParent();
                return new ConfigLayer(layer.name(), layer.values(), dir);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses config text; {@code name} is used in messages. */
    public static ConfigLayer parse(Reader in, String name) throws IOException {
        Map<String, Sourced> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) return new ConfigLayer("config file " + name, values);
            if (first != JsonToken.START_OBJECT) {
                problems.add(where(name, p) + ": the config file must be a mapping of keys to values (see tutor doctor --help)");
                throw new ConfigException(problems);
            }
            readSection(p, name, null, values, problems);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage().lines().findFirst().orElse("");
            problems.add(name + (line > 0 ? ":" + line : "") + ": invalid YAML: " + msg);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new ConfigLayer("config file " + name, values);
    }

    private static void readSection(JsonParser p, String name, ModelRole role, Map<String, Sourced> values,
                                    List<String> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String at = where(name, p);
            JsonToken t = p.nextToken();
            Optional<ModelRole> section = role == null ? ModelRole.fromKey(key) : Optional.empty();
            if (section.isPresent()) {
                if (t == JsonToken.VALUE_NULL) continue;
                if (t != JsonToken.START_OBJECT) {
                    problems.add(at + ": '" + key + "' must be a mapping (" + section.get().key() + ": {model: …})");
                    p.skipChildren();
                    continue;
                }
                readSection(p, name, section.get(), values, problems);
                continue;
            }
            String canonical = canonical(key);
            boolean known = ConfigKeys.ROLE_KEYS.contains(canonical) || (role == null && ConfigKeys.GLOBAL_KEYS.contains(canonical));
            if (!known) {
                problems.add(at + ": unknown key '" + key + "'" + (role == null ? "" : " in " + role.key() + ":")
                        + "; known: " + String.join(", ", role == null ? topLevelKeys() : ConfigKeys.ROLE_KEYS));
                p.skipChildren();
                continue;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                problems.add(at + ": '" + key + "' takes a single value");
                p.skipChildren();
                continue;
            }
            if (t == JsonToken.VALUE_NULL) continue;
            String dotted = role == null ? canonical : ConfigKeys.of(role, canonical);
            if (values.containsKey(dotted)) {
                problems.add(at + ": '" + key + "' is set twice (first at " + values.get(dotted).origin() + ")");
                continue;
            }
            values.put(dotted, new Sourced(p.getValueAsString("").strip(), at));
        }
    }

    /** Accepts {@code base-url} and {@code base_url} for {@code baseUrl}. */
    private static String canonical(String key) {
        for (String k : ConfigKeys.all()) {
            if (!k.contains(".") && k.equalsIgnoreCase(key.replace("-", "").replace("_", ""))) return k;
        }
        return key;
    }

    private static List<String> topLevelKeys() {
        List<String> keys = new ArrayList<>(ConfigKeys.ROLE_KEYS);
        keys.addAll(ConfigKeys.GLOBAL_KEYS);
        for (ModelRole r : ModelRole.values()) keys.add(r.key());
        return keys;
    }

    private static String where(String name, JsonParser p) {
        return name + ":" + p.currentTokenLocation().getLineNr();
    }
}
