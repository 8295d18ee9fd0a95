package org.tutorgraph.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Link;
import org.tutorgraph.graph.Misconception;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a course pack folder in the format {@link CoursePackLoader} reads: {@code course.yaml}, {@code concepts.yaml}
 * and, when there are items, {@code items/items.yaml}. Keys are written in a fixed order and defaults are omitted, so
 * that files diff well and a write–load round trip gives the same pack.
 */
public final class CoursePackWriter {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    /** The one items file the writer owns, inside {@value CoursePackLoader#DEFAULT_ITEMS_FOLDER}/. */
    public static final String ITEMS_FILE = "items.yaml";

    private CoursePackWriter() {
    }

    /** Writes {@code pack} into {@code dir} (created if needed), replacing the three files it owns. */
    public static void write(CoursePack pack, Path dir) throws IOException {
        write(pack.meta(), pack.graph(), pack.items(), dir);
    }

    public static void write(CourseMeta meta, CourseGraph graph, List<Item> items, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("id", meta.id());
        course.put("title", meta.title());
        course.put("language", meta.language());
        if (!meta.description().isEmpty()) course.put("description", meta.description());
        if (!meta.version().isEmpty()) course.put("version", meta.version());
        YAML.writeValue(dir.resolve(CoursePackLoader.COURSE_FILE).toFile(), course);

        List<Map<String, Object>> concepts = new ArrayList<>();
        for (Concept c : graph.concepts()) concepts.add(concept(graph, c));
        YAML.writeValue(dir.resolve(CoursePackLoader.DEFAULT_CONCEPTS_FILE).toFile(), Map.of("concepts", concepts));

        Path itemsFile = dir.resolve(CoursePackLoader.DEFAULT_ITEMS_FOLDER).resolve(ITEMS_FILE);
        if (!items.isEmpty()) {
            Files.createDirectories(itemsFile.getParent());
            List<Map<String, Object>> list = new ArrayList<>();
            for (Item i : items) list.add(item(i));
            YAML.writeValue(itemsFile.toFile(), Map.of("items", list));
        } else {
            // A stale items file from an earlier write would otherwise be loaded with the new concepts.
            Files.deleteIfExists(itemsFile);
        }
    }

    private static Map<String, Object> concept(CourseGraph graph, Concept c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        if (!c.description().isEmpty()) m.put("description", c.description());
        m.put("difficulty", number(c.difficulty()));
        m.put("minutes", number(c.learningMinutes()));
        if (!c.area().isEmpty()) m.put("area", c.area());
        if (!graph.requires(c.id()).isEmpty()) m.put("requires", graph.requires(c.id()));
        List<AnyOfGroup> groups = graph.anyOfGroups(c.id());
        if (!groups.isEmpty()) {
            List<Object> gs = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                AnyOfGroup g = groups.get(i);
                if (g.id().equals(c.id() + "#" + (i + 1))) {
                    gs.add(g.alternatives());
                } else {
                    Map<String, Object> gm = new LinkedHashMap<>();
                    gm.put("id", g.id());
                    gm.put("of", g.alternatives());
                    gs.add(gm);
                }
            }
            m.put("anyOf", gs);
        }
        List<Link.Supports> supports = graph.supportsInto(c.id());
        if (!supports.isEmpty()) {
            List<Object> ss = new ArrayList<>();
            for (Link.Supports s : supports) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("concept", s.supporter());
                sm.put("strength", number(s.strength()));
                ss.add(sm);
            }
            m.put("supportedBy", ss);
        }
        return m;
    }

    private static Map<String, Object> item(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("concepts", i.concepts());
        m.put("prompt", i.prompt());
        m.put("type", i.type().key());
        m.put("answers", i.answers());
        if (!i.choices().isEmpty()) m.put("choices", i.choices());
        if (i.tolerance() != 0) m.put("tolerance", number(i.tolerance()));
        if (!i.misconceptions().isEmpty()) {
            List<Object> ms = new ArrayList<>();
            for (Misconception mc : i.misconceptions()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("id", mc.id());
                if (!mc.description().isEmpty()) mm.put("description", mc.description());
                mm.put("wrongAnswers", mc.wrongAnswers());
                if (!mc.probe().isEmpty()) mm.put("probe", mc.probe());
                ms.add(mm);
            }
            m.put("misconceptions", ms);
        }
        List<Object> ladder = new ArrayList<>();
        for (HintRung r : i.ladder()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("rung", r.rung().key());
            rm.put("text", r.text());
            if (r.answer() != null) rm.put("answer", r.answer());
            ladder.add(rm);
        }
        m.put("ladder", ladder);
        return m;
    }

    /** Whole numbers without a trailing ".0", so files read as an educator would write them. */
    private static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }
}
