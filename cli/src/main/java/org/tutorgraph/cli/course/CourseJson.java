package org.tutorgraph.cli.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course as JSON for other programs (shape documented in src/docs/course-packs.md, "tutor course show"):
 * {@code format}, {@code course}, {@code counts}, {@code concepts} (in learning order, each with its own edges),
 * {@code edges} (every edge once, with its {@code kind}) and {@code items} (without answers). O(V + E + items).
 */
final class CourseJson {

    static final String FORMAT = "tutorgraph-course-show/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CourseJson() {
    }

    static String render(CoursePack pack) {
        CourseGraph g = pack.graph();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("id", pack.meta().id());
        course.put("title", pack.meta().title());
        course.put("language", pack.meta().language());
        course.put("description", pack.meta().description());
        course.put("version", pack.meta().version());
        root.put("course", course);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("concepts", g.size());
        counts.put("requires", g.requiresLinks().size());
        counts.put("anyOf", g.anyOfGroups().size());
        counts.put("supports", g.supportsLinks().size());
        counts.put("items", pack.items().size());
        root.put("counts", counts);

        List<Object> concepts = new ArrayList<>();
        for (String id : g.topologicalOrder()) {
            Concept c = g.concept(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("difficulty", c.difficulty());
            m.put("minutes", c.learningMinutes());
            m.put("area", c.area());
            m.put("requires", g.requires(id));
            List<Object> groups = new ArrayList<>();
            for (AnyOfGroup group : g.anyOfGroups(id)) groups.add(Map.of("id", group.id(), "of", group.alternatives()));
            m.put("anyOf", groups);
            List<Object> supporters = new ArrayList<>();
            for (Link.Supports s : g.supportsInto(id)) supporters.add(Map.of("concept", s.supporter(), "strength", s.strength()));
            m.put("supportedBy", supporters);
            m.put("items", pack.itemsFor(id).stream().map(Item::id).toList());
            concepts.add(m);
        }
        root.put("concepts", concepts);

        List<Object> edges = new ArrayList<>();
        for (Link.Requires r : g.requiresLinks()) edges.add(edge(r.prerequisite(), r.concept(), "requires"));
        for (AnyOfGroup group : g.anyOfGroups()) {
            for (String alt : group.alternatives()) {
                Map<String, Object> e = edge(alt, group.concept(), "anyOf");
                e.put("group", group.id());
                edges.add(e);
            }
        }
        for (Link.Supports s : g.supportsLinks()) {
            Map<String, Object> e = edge(s.supporter(), s.concept(), "supports");
            e.put("strength", s.strength());
            edges.add(e);
        }
        root.put("edges", edges);

        List<Object> items = new ArrayList<>();
        for (Item i : pack.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("concepts", i.concepts());
            m.put("type", i.type().key());
            m.put("prompt", i.prompt());
            m.put("rungs", i.ladder().size());
            items.add(m);
        }
        root.put("items", items);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> edge(String from, String to, String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("from", from);
        e.put("to", to);
        e.put("kind", kind);
        return e;
    }
}
