package org.tutorgraph.cli.course;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Link;

import java.util.HashMap;
import java.util.Map;

/**
 * The course graph as a Mermaid flowchart ({@code graph TD}), for Markdown that renders Mermaid (GitHub, GitLab):
 * {@code ==>} thick for requires, {@code -->|any of …|} for anyOf alternatives, {@code -.->|strength|} dotted for
 * supports. Nodes are {@code c0, c1, …} in learning order, labelled with the concept's name. O(V + E).
 */
final class CourseMermaid {

    private CourseMermaid() {
    }

    static String render(CoursePack pack) {
        CourseGraph g = pack.graph();
        Map<String, String> node = new HashMap<>();
        StringBuilder sb = new StringBuilder("graph TD\n");
        sb.append("  %% ").append(oneLine(pack.meta().title())).append('\n');
        sb.append("  %% ==> requires   --> any of (group)   -.-> supports (strength)\n");
        for (String id : g.topologicalOrder()) {
            String n = "c" + node.size();
            node.put(id, n);
            sb.append("  ").append(n).append("[\"").append(label(g.concept(id).name())).append("\"]\n");
        }
        for (Link.Requires r : g.requiresLinks()) {
            sb.append("  ").append(node.get(r.prerequisite())).append(" ==> ").append(node.get(r.concept())).append('\n');
        }
        for (AnyOfGroup group : g.anyOfGroups()) {
            for (String alt : group.alternatives()) {
                sb.append("  ").append(node.get(alt)).append(" -->|\"any of ").append(label(group.id())).append("\"| ")
                        .append(node.get(group.concept())).append('\n');
            }
        }
        for (Link.Supports s : g.supportsLinks()) {
            sb.append("  ").append(node.get(s.supporter())).append(" -.->|").append(CourseText.number(s.strength())).append("| ")
                    .append(node.get(s.concept())).append('\n');
        }
        return sb.toString();
    }

    /** Text inside a quoted Mermaid label: quotes and the characters Mermaid treats as markup become entity codes. */
    static String label(String s) {
        return oneLine(s).replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("|", "#124;");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
