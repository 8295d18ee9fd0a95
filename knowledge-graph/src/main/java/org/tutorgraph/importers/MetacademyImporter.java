package org.tutorgraph.importers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseMeta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --from metacademy}: the Metacademy fixture {@code graph_data.json} (a Django fixture: a JSON list of
 * {@code {model, pk, fields}} records), given as the file or the folder holding it.
 * <ul>
 *   <li>{@code graph.concept} → a concept: id from {@code tag} (the concept's slug; its {@code pk} when the tag is
 *       missing or taken), name from {@code title}, description from {@code summary}, minutes from {@code learn_time}
 *       (hours × 60, rounded), area from the title of its first {@code graph.tag}. Metacademy has no difficulty:
 *       the default ({@value Concept#DEFAULT_DIFFICULTY}) is used.</li>
 *   <li>{@code graph.dependency} → {@code source} requires-before {@code target}. Its {@code reason} sentence is
 *       appended to the target's description ("Why its prerequisites: …"), where tutors read it.</li>
 *   <li>Other records (goals, resources, user graphs) are counted in the report and ignored.</li>
 * </ul>
 */
public final class MetacademyImporter implements CourseImporter {

    static final String FILE = "graph_data.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return "metacademy";
    }

    private record Record(String model, String pk, JsonNode fields, String where) {
    }

    @Override
    public ImportResult importFrom(Path source, ImportOptions options) throws ImportException {
        Path file = Files.isDirectory(source) ? SourceFiles.inFolder(source, FILE, "Metacademy") : source;
        List<Record> records = parse(file);
        List<String> problems = new ArrayList<>();
        Map<String, String> tagTitles = new HashMap<>();
        Map<String, Integer> ignored = new TreeMap<>();
        List<Record> concepts = new ArrayList<>();
        List<Record> dependencies = new ArrayList<>();
        for (Record r : records) {
            switch (r.model()) {
                case "graph.concept" -> concepts.add(r);
                case "graph.dependency" -> dependencies.add(r);
                case "graph.tag" -> tagTitles.put(r.pk(), text(r.fields(), "title"));
                default -> ignored.merge(r.model(), 1, Integer::sum);
            }
        }

        GraphAssembly graph = new GraphAssembly(false);
        Map<String, String> keyOfPk = new HashMap<>();
        Map<String, String> titleOfPk = new HashMap<>();
        Map<String, StringBuilder> descriptions = new LinkedHashMap<>();
        Map<String, Double> minutesOf = new HashMap<>();
        java.util.Set<String> usedKeys = new java.util.HashSet<>();
        Map<String, String> areaOf = new HashMap<>();
        int noLearnTime = 0;
        for (Record c : concepts) {
            String title = text(c.fields(), "title");
            String tag = text(c.fields(), "tag");
            if (c.pk().isEmpty()) {
                problems.add(c.where() + ": graph.concept without a pk");
                continue;
            }
            if (keyOfPk.containsKey(c.pk())) {
                problems.add(c.where() + ": duplicate graph.concept pk '" + c.pk() + "'");
                continue;
            }
            String key = !tag.isEmpty() && !usedKeys.contains(tag) ? tag : c.pk();
            if (!usedKeys.add(key)) {
                problems.add(c.where() + ": concept key '" + key + "' is used twice (as a tag and as a pk)");
                continue;
            }
            keyOfPk.put(c.pk(), key);
            titleOfPk.put(c.pk(), title.isEmpty() ? key : title);
            JsonNode lt = c.fields().get("learn_time");
            double minutes = Concept.DEFAULT_LEARNING_MINUTES;
            if (lt != null && lt.isNumber() && lt.asDouble() > 0) minutes = Math.max(1, Math.round(lt.asDouble() * 60));
            else noLearnTime++;
            minutesOf.put(c.pk(), minutes);
            JsonNode tags = c.fields().get("tags");
            String area = tags != null && tags.isArray() && !tags.isEmpty() ? tags.get(0).asText("") : "";
            areaOf.put(c.pk(), area);
            descriptions.put(c.pk(), new StringBuilder(text(c.fields(), "summary")));
        }

        Map<String, List<String>> reasons = new HashMap<>();
        List<String[]> edges = new ArrayList<>();
        int dangling = 0;
        for (Record d : dependencies) {
            String from = text(d.fields(), "source");
            String to = text(d.fields(), "target");
            if (!keyOfPk.containsKey(from) || !keyOfPk.containsKey(to)) {
                graph.note(d.where() + ": skipped dependency " + from + " -> " + to + " (names a concept the file does not have)");
                dangling++;
                continue;
            }
            edges.add(new String[]{from, to, d.where()});
            String reason = text(d.fields(), "reason");
            if (!reason.isEmpty()) reasons.computeIfAbsent(to, k -> new ArrayList<>()).add(titleOfPk.get(from) + ": " + reason);
        }
        if (!problems.isEmpty()) throw new ImportException(problems);

        for (Map.Entry<String, StringBuilder> e : descriptions.entrySet()) {
            String pk = e.getKey();
            StringBuilder description = e.getValue();
            List<String> why = reasons.getOrDefault(pk, List.of());
            if (!why.isEmpty()) {
                if (description.length() > 0) description.append("\n\n");
                description.append("Why its prerequisites:");
                for (String w : why) description.append("\n- ").append(w);
            }
            String area = tagTitles.getOrDefault(areaOf.get(pk), areaOf.get(pk));
            graph.concept(keyOfPk.get(pk), titleOfPk.get(pk), description.toString(), Concept.DEFAULT_DIFFICULTY,
                    minutesOf.get(pk), area == null ? "" : area);
        }
        for (String[] e : edges) graph.requires(keyOfPk.get(e[0]), keyOfPk.get(e[1]), e[2]);

        graph.note("read " + concepts.size() + " graph.concept and " + dependencies.size() + " graph.dependency records from " + file);
        if (!ignored.isEmpty()) {
            List<String> parts = new ArrayList<>();
            ignored.forEach((model, n) -> parts.add(model + " " + n));
            graph.note("ignored other records: " + String.join(", ", parts));
        }
        if (!tagTitles.isEmpty()) graph.note(tagTitles.size() + " graph.tag record" + GraphAssembly.plural(tagTitles.size()) + " name the areas");
        if (noLearnTime > 0) graph.note(noLearnTime + " concept" + GraphAssembly.plural(noLearnTime) + " without learn_time got the default " + (int) Concept.DEFAULT_LEARNING_MINUTES + " minutes");
        if (dangling > 0) graph.note(dangling + " dependenc" + (dangling == 1 ? "y" : "ies") + " skipped because they name unknown concepts");
        int withReasons = reasons.values().stream().mapToInt(List::size).sum();
        graph.note(withReasons + " dependency reason" + GraphAssembly.plural(withReasons) + " kept in the descriptions of the concepts that need them");
        CourseMeta meta = GraphAssembly.meta(options, "metacademy", "Metacademy concept graph",
                "Imported from the Metacademy concept graph (metacademy.org, content CC BY-SA 3.0 US).");
        return graph.build(meta, options);
    }

    /** Reads the record list, keeping each record's line for messages. O(n) streaming over the file. */
    private static List<Record> parse(Path file) throws ImportException {
        String text = SourceFiles.read(file);
        String name = file.getFileName().toString();
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser p = new JsonFactory(JSON).createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportException(List.of(file + ":1: expected a JSON list of fixture records ([{\"model\": …}, …])"));
            }
            int index = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                index++;
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = p.readValueAsTree();
                String model = text(node, "model");
                String pk = text(node, "pk");
                String where = name + ":" + line + " (record " + index + (pk.isEmpty() ? "" : ", pk " + pk) + ")";
                JsonNode fields = node.get("fields");
                if (model.isEmpty() || fields == null || !fields.isObject()) {
                    problems.add(where + ": a record needs 'model' and an object 'fields'");
                    continue;
                }
                records.add(new Record(model, pk, fields, where));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                problems.add(name + ":" + p.currentTokenLocation().getLineNr() + ": expected a record object, found " + p.currentToken());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ImportException(List.of(file + ":" + line + ":" + column + ": JSON syntax error: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ImportException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) throw new ImportException(problems);
        return records;
    }

    /** A field as text: "" when absent or null; numbers and booleans as written. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().strip();
    }
}
