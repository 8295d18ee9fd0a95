package org.tutorgraph.kt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A course pack's optional {@code tracing.json}: BKT parameters per concept id, usually fitted from real logs and
 * attached with {@code tutor kt attach}. It sits beside {@code course.yaml}; the YAML loader ignores it, and the
 * Diagnostician reads it when present. Concepts it does not list use {@link BktParams#DEFAULT}.
 *
 * <pre>{@code
 * { "concepts": { "integer-addition": { "prior": 0.4, "learn": 0.12, "slip": 0.08, "guess": 0.2, "forget": 0.0,
 *                                       "skill": "Addition and Subtraction Integers" } } }
 * }</pre>
 */
public final class TracingFile {

    public static final String NAME = "tracing.json";

    private TracingFile() {
    }

    /**
     * The parameters of the pack in {@code packFolder}; {@link ConceptParams#defaults()} when it has no
     * {@value #NAME} (or the folder is null, as for a graph without a pack).
     */
    public static ConceptParams read(Path packFolder) throws IOException, LogFormatException {
        if (packFolder == null) return ConceptParams.defaults();
        Path file = packFolder.resolve(NAME);
        if (!Files.isRegularFile(file)) return ConceptParams.defaults();
        // Like every file of a pack, it must lie inside the pack folder (a link to ~/.ssh/id_rsa would otherwise be
        // read, and quoted in a JSON error), and be of a sane size.
        if (!file.toRealPath().startsWith(packFolder.toRealPath())) {
            throw new LogFormatException(List.of(new LogProblem(file, 0, "is a link to outside the course pack folder;"
                    + " keep the pack's files inside it")));
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new LogFormatException(List.of(new LogProblem(file, 0, "file is too large (" + Files.size(file)
                    + " bytes; the limit is " + MAX_BYTES + ")")));
        }
        JsonNode root;
        try {
            root = ParamsFile.JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LogFormatException(List.of(new LogProblem(file, line, "not valid JSON: " + e.getOriginalMessage())));
        }
        JsonNode concepts = root == null ? null : root.get("concepts");
        if (concepts == null || !concepts.isObject()) {
            throw new LogFormatException(List.of(new LogProblem(file, 0, "expected an object with a \"concepts\" object")));
        }
        return new ConceptParams(ParamsFile.readParamsObject(file, concepts, "concept"), BktParams.DEFAULT);
    }

    /** Writes {@code params} (concept id → parameters), each with the skill it came from. */
    public static void write(Path packFolder, Map<String, BktParams> params, Map<String, String> skillOf) throws IOException {
        ObjectNode root = ParamsFile.JSON.createObjectNode();
        ObjectNode concepts = root.putObject("concepts");
        for (Map.Entry<String, BktParams> e : params.entrySet()) {
            ObjectNode c = concepts.putObject(e.getKey());
            ParamsFile.putParams(c, e.getValue());
            String skill = skillOf.get(e.getKey());
            if (skill != null) c.put("skill", skill);
        }
        // Written beside and moved into place: a tracing.json that is a link is replaced, never followed (a pack
        // shipping 'tracing.json -> ~/.bashrc' must not make 'tutor kt attach' overwrite the user's file), and a
        // crash mid-write leaves the old file whole.
        Path tmp = Files.createTempFile(packFolder, ".tracing-", ".json.tmp");
        try {
            Files.writeString(tmp, ParamsFile.JSON.writeValueAsString(root) + "\n");
            Files.move(tmp, packFolder.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Largest tracing.json read: a parameter set per concept is a few hundred bytes. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
}
