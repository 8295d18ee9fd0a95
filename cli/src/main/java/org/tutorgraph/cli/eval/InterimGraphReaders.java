package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal readers for the two public graphs the diagnosis benchmark runs on, kept private to this command until the
 * project's importers ({@code org.tutorgraph.importers}) are available here; then this class goes and the command
 * asks the importer registry. Only prerequisite edges are read (the diagnosis ignores soft edges).
 * <ul>
 *   <li>{@code ccssm}: the flywheelmath Common Core edge list {@code source,target,relationship}; rows with
 *       relationship {@code dependency} become requires edges (source is the prerequisite). A folder means its
 *       {@code ccssm-dependencies.csv}.</li>
 *   <li>{@code metacademy}: the Django fixture {@code graph_data.json}; {@code graph.concept} records are concepts
 *       (pk, title), {@code graph.dependency} records are requires edges from {@code source} to {@code target}.</li>
 * </ul>
 */
final class InterimGraphReaders {

    private InterimGraphReaders() {
    }

    static CourseGraph read(String format, Path file) {
        try {
            return switch (format) {
                case "ccssm" -> ccssm(Files.isDirectory(file) ? file.resolve("ccssm-dependencies.csv") : file);
                case "metacademy" -> metacademy(file);
                default -> throw new UserException("tutor eval: unknown graph format '" + format + "' (expected ccssm or metacademy)");
            };
        } catch (IOException e) {
            throw new UserException("tutor eval: cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor eval: " + file + ": " + e.getMessage());
        }
    }

    private static CourseGraph ccssm(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new UserException("tutor eval: no such file: " + file);
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals("source,target,relationship")) {
            throw new UserException(file + ":1: expected the header 'source,target,relationship'");
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String[]> edges = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
                throw new UserException(file + ":" + (i + 1) + ": expected source,target,relationship");
            }
            ids.add(f[0].strip());
            ids.add(f[1].strip());
            if (f[2].strip().equals("dependency")) edges.add(new String[]{f[0].strip(), f[1].strip()});
        }
        CourseGraph.Builder b = CourseGraph.builder();
        for (String id : ids) b.concept(Concept.of(id, id));
        Set<String> seen = new LinkedHashSet<>();
        for (String[] e : edges) if (seen.add(e[0] + "→" + e[1])) b.requires(e[0], e[1]);
        return b.build();
    }

    private static CourseGraph metacademy(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new UserException("tutor eval: no such file: " + file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) throw new UserException(file + ": expected a JSON list of fixture records");
        Map<String, String> titles = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        for (JsonNode r : root) {
            String model = r.path("model").asText();
            JsonNode f = r.path("fields");
            if (model.equals("graph.concept")) titles.put(r.path("pk").asText(), f.path("title").asText());
            if (model.equals("graph.dependency")) edges.add(new String[]{f.path("source").asText(), f.path("target").asText()});
        }
        CourseGraph.Builder b = CourseGraph.builder();
        titles.forEach((id, title) -> b.concept(Concept.of(id, title)));
        Set<String> seen = new LinkedHashSet<>();
        for (String[] e : edges) {
            if (titles.containsKey(e[0]) && titles.containsKey(e[1]) && !e[0].equals(e[1]) && seen.add(e[0] + "→" + e[1])) {
                b.requires(e[0], e[1]);
            }
        }
        return b.build();
    }
}
