package org.tutorgraph.cli.course;

import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Link;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The course graph in Graphviz DOT, written by JGraphT's {@link DOTExporter}: nodes are concept ids labelled with
 * their names; {@code requires} edges are solid, {@code anyOf} edges dashed and labelled with their group,
 * {@code supports} edges dotted grey and labelled with their strength. Render with {@code dot -Tsvg}. O(V + E).
 */
final class CourseDot {

    private CourseDot() {
    }

    static String render(CoursePack pack) {
        CourseGraph g = pack.graph();
        DOTExporter<String, Link> exporter = new DOTExporter<>(id -> "\"" + id + "\""); // ids are [A-Za-z0-9._:+-]
        exporter.setGraphIdProvider(() -> "\"" + pack.meta().id() + "\"");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("TB"));
            // Graph attributes are written as they are, so this one is quoted here.
            a.put("label", DefaultAttribute.createAttribute("\"" + text(pack.meta().title()).replace("\"", "\\\"") + "\""));
            return a;
        });
        exporter.setVertexAttributeProvider(id -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(text(g.concept(id).name())));
            a.put("shape", DefaultAttribute.createAttribute("box"));
            return a;
        });
        exporter.setEdgeAttributeProvider(link -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            if (link instanceof Link.AnyOf any) {
                a.put("style", DefaultAttribute.createAttribute("dashed"));
                a.put("label", DefaultAttribute.createAttribute("any of " + any.group()));
            } else if (link instanceof Link.Supports s) {
                a.put("style", DefaultAttribute.createAttribute("dotted"));
                a.put("color", DefaultAttribute.createAttribute("gray50"));
                a.put("label", DefaultAttribute.createAttribute(CourseText.number(s.strength())));
            } else {
                a.put("style", DefaultAttribute.createAttribute("solid"));
            }
            return a;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(g.asGraph(), out);
        return out.toString();
    }

    /** A label as DOT reads it inside quotes: backslashes doubled, line breaks as {@code \n} (the exporter escapes quotes). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
    }
}
