package org.tutorgraph.cli.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.PromptRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code --sample FILE}: a YAML or JSON mapping of variable name to value. */
final class SampleValues {
    private SampleValues() {
    }

    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("tutor: --sample: no file at " + file);
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserException(file + (line > 0 ? ":" + line : "") + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        } catch (IOException e) {
            throw new UserException("tutor: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new UserException(file + ": a sample file is a mapping of variable: value");
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (PromptRegistry.variable(e.getKey()).isEmpty() && !PromptRegistry.BUILT_IN.contains(e.getKey())) {
                problems.add(file + ": unknown variable '" + e.getKey() + "' (tutor prompts vars lists them)");
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> lines = new ArrayList<>();
                v.forEach(x -> lines.add(x.asText()));
                values.put(e.getKey(), String.join("\n", lines));
            } else {
                values.put(e.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
        }
        if (!problems.isEmpty()) throw new UserException(problems);
        return values;
    }
}
