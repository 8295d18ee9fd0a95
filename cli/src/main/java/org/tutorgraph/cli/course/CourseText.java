package org.tutorgraph.cli.course;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Link;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The course as a terminal reads it: a header, then every concept in a learning order (each after everything it
 * needs), with what it requires, its anyOf groups and what supports it. O(V + E).
 */
final class CourseText {

    private CourseText() {
    }

    static String render(CoursePack pack) {
        CourseGraph g = pack.graph();
        CourseMeta m = pack.meta();
        StringBuilder sb = new StringBuilder();
        sb.append(m.title()).append(" (").append(m.id()).append(", ").append(m.language())
                .append(m.version().isEmpty() ? "" : ", version " + m.version()).append(")\n");
        if (!m.description().isEmpty()) sb.append(m.description().strip()).append('\n');
        sb.append(count(g.size(), "concept")).append(", ").append(count(g.requiresLinks().size(), "requires edge")).append(", ")
                .append(count(g.anyOfGroups().size(), "anyOf group")).append(", ").append(count(g.supportsLinks().size(), "supports edge"))
                .append(", ").append(count(pack.items().size(), "item")).append("\n\n");
        sb.append("Concepts in learning order (each comes after everything it requires):\n");
        int width = String.valueOf(g.size()).length();
        int n = 0;
        for (String id : g.topologicalOrder()) {
            Concept c = g.concept(id);
            n++;
            sb.append(String.format(Locale.ROOT, "%" + (width + 2) + "d. ", n)).append(c.id());
            if (!c.name().equals(c.id())) sb.append(" — ").append(oneLine(c.name()));
            sb.append("  [");
            if (!c.area().isEmpty()) sb.append(oneLine(c.area())).append(", ");
            sb.append("difficulty ").append(number(c.difficulty())).append(", ").append(number(c.learningMinutes())).append(" min");
            int items = pack.itemsFor(id).size();
            if (items > 0) sb.append(", ").append(count(items, "item"));
            sb.append("]\n");
            String indent = " ".repeat(width + 6);
            if (!g.requires(id).isEmpty()) sb.append(indent).append("requires      ").append(String.join(", ", g.requires(id))).append('\n');
            for (AnyOfGroup group : g.anyOfGroups(id)) {
                sb.append(indent).append("any of        ").append(String.join(" | ", group.alternatives()))
                        .append("   (group ").append(group.id()).append(")\n");
            }
            List<Link.Supports> supports = g.supportsInto(id);
            if (!supports.isEmpty()) {
                sb.append(indent).append("supported by  ")
                        .append(supports.stream().map(s -> s.supporter() + " (" + number(s.strength()) + ")").collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.valueOf(Math.round(d * 100) / 100.0);
    }
}
