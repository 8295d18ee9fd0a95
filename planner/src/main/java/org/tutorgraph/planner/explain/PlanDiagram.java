package org.tutorgraph.planner.explain;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.Source;
import org.tutorgraph.planner.Step;
import org.tutorgraph.planner.UnreachableGoal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge map around a plan, as Graphviz DOT or Mermaid: the planned steps (numbered, yellow), the mastered
 * concepts they build on (green), the goals (thick red border; green when already mastered, grey and dashed when
 * unreachable) and the anyOf alternatives not taken (dashed), with the edges between them: {@code requires} solid,
 * anyOf dashed (bold for the alternative the plan relies on), {@code supports} dotted. Edges point from
 * prerequisite to the concept that needs it.
 */
public final class PlanDiagram {

    /** What a drawn concept is in the plan. */
    public enum Kind { PLANNED, MASTERED, UNREACHABLE, ALTERNATIVE }

    /** A drawn concept. */
    public record Node(String concept, String key, String label, Kind kind, boolean goal) {
    }

    /** A drawn edge; {@code chosen} marks the anyOf alternative the plan relies on. */
    public record Edge(Node from, Node to, Link link, boolean chosen) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byConcept = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private PlanDiagram(Plan plan, CourseGraph graph) {
        Set<String> goals = new HashSet<>(plan.goals());
        Set<Link> relied = new HashSet<>();
        for (Step s : plan.steps()) {
            add(s.concept(), s.number() + ". " + s.name() + "\\n" + String.format(Locale.ROOT, "%.0f min", s.cost()),
                    Kind.PLANNED, s.goal());
            relied.addAll(s.enables());
        }
        for (Source s : plan.sources()) {
            add(s.concept(), s.name() + "\\n" + String.format(Locale.ROOT, "mastered %.2f", s.mastery()), Kind.MASTERED,
                    goals.contains(s.concept()));
            relied.addAll(s.enables());
        }
        for (String g : plan.masteredGoals()) add(g, name(graph, g) + "\\nmastered", Kind.MASTERED, true);
        for (UnreachableGoal u : plan.unreachable()) {
            if (graph.contains(u.goal())) add(u.goal(), name(graph, u.goal()) + "\\nunreachable", Kind.UNREACHABLE, true);
        }
        for (Step s : plan.steps()) {
            for (AnyOfGroup group : graph.anyOfGroups(s.concept())) {
                for (String a : group.alternatives()) add(a, name(graph, a) + "\\nnot chosen", Kind.ALTERNATIVE, false);
            }
        }
        for (Node to : nodes) {
            for (String p : graph.requires(to.concept())) {
                Node from = byConcept.get(p);
                if (from != null) edges.add(new Edge(from, to, new Link.Requires(p, to.concept()), false));
            }
            for (AnyOfGroup group : graph.anyOfGroups(to.concept())) {
                for (String a : group.alternatives()) {
                    Node from = byConcept.get(a);
                    if (from == null) continue;
                    Link link = new Link.AnyOf(a, to.concept(), group.id());
                    edges.add(new Edge(from, to, link, relied.contains(link)));
                }
            }
            for (Link.Supports s : graph.supportsInto(to.concept())) {
                Node from = byConcept.get(s.supporter());
                if (from != null) edges.add(new Edge(from, to, s, false));
            }
        }
    }

    private static String name(CourseGraph graph, String id) {
        return graph.find(id).map(Concept::name).orElse(id);
    }

    private void add(String concept, String label, Kind kind, boolean goal) {
        if (byConcept.containsKey(concept)) return;
        Node node = new Node(concept, "n" + nodes.size(), label, kind, goal);
        nodes.add(node);
        byConcept.put(concept, node);
    }

    /** The nodes and edges that {@link #dot} and {@link #mermaid} draw. */
    public static PlanDiagram of(Plan plan, CourseGraph graph) {
        return new PlanDiagram(plan, graph);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** Graphviz DOT; vertices are named by concept id. */
    public static String dot(Plan plan, CourseGraph graph) {
        PlanDiagram d = of(plan, graph);
        StringBuilder out = new StringBuilder();
        out.append("digraph plan {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        for (Node n : d.nodes) {
            List<String> attrs = new ArrayList<>();
            attrs.add("label=" + dotString(n.label()));
            String border = switch (n.kind()) {
                case PLANNED -> "#f9a825";
                case MASTERED -> "#2e7d32";
                case UNREACHABLE, ALTERNATIVE -> "#757575";
            };
            switch (n.kind()) {
                case PLANNED -> attrs.add("fillcolor=\"#fff9c4\"");
                case MASTERED -> attrs.add("fillcolor=\"#c8e6c9\"");
                case UNREACHABLE -> attrs.add("fillcolor=\"#eeeeee\", style=\"rounded,filled,dashed\"");
                case ALTERNATIVE -> attrs.add("fillcolor=\"#ffffff\", style=\"rounded,dashed\"");
            }
            attrs.add(n.goal() ? "color=\"#c62828\", penwidth=3" : "color=\"" + border + "\"");
            attrs.add("class=" + dotString(n.kind().name().toLowerCase(Locale.ROOT) + (n.goal() ? " goal" : "")));
            out.append("  ").append(dotString(n.concept())).append(" [").append(String.join(", ", attrs)).append("];\n");
        }
        for (Edge e : d.edges) {
            String style;
            if (e.link() instanceof Link.Requires) {
                style = "style=solid";
            } else if (e.link() instanceof Link.AnyOf a) {
                style = "style=dashed, label=" + dotString("anyOf " + a.group()) + (e.chosen() ? ", penwidth=2" : ", color=\"#9e9e9e\"");
            } else {
                Link.Supports s = (Link.Supports) e.link();
                style = "style=dotted, label=" + dotString(String.format(Locale.ROOT, "supports %.2f", s.strength()));
            }
            out.append("  ").append(dotString(e.from().concept())).append(" -> ").append(dotString(e.to().concept()))
                    .append(" [").append(style).append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** A Mermaid flowchart; vertices are keyed n0, n1, … with the concept name as label. */
    public static String mermaid(Plan plan, CourseGraph graph) {
        PlanDiagram d = of(plan, graph);
        StringBuilder out = new StringBuilder();
        out.append("flowchart LR\n");
        for (Node n : d.nodes) {
            out.append("  ").append(n.key()).append("[\"").append(mermaidText(n.label().replace("\\n", "<br/>")))
                    .append("\"]\n");
        }
        for (Edge e : d.edges) {
            out.append("  ").append(e.from().key());
            if (e.link() instanceof Link.Requires) {
                out.append(" --> ");
            } else if (e.link() instanceof Link.AnyOf a) {
                out.append(e.chosen() ? " ==>" : " -.->").append("|\"anyOf ").append(mermaidText(a.group())).append("\"| ");
            } else {
                Link.Supports s = (Link.Supports) e.link();
                out.append(" -.-|\"").append(String.format(Locale.ROOT, "supports %.2f", s.strength())).append("\"| ");
            }
            out.append(e.to().key()).append('\n');
        }
        out.append("  classDef planned fill:#fff9c4,stroke:#f9a825\n");
        out.append("  classDef mastered fill:#c8e6c9,stroke:#2e7d32\n");
        out.append("  classDef unreachable fill:#eeeeee,stroke:#757575,stroke-dasharray:5 5\n");
        out.append("  classDef alternative fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:3 3\n");
        out.append("  classDef goal stroke:#c62828,stroke-width:3px\n");
        for (Kind kind : Kind.values()) {
            List<String> keys = d.nodes.stream().filter(n -> n.kind() == kind).map(Node::key).toList();
            if (!keys.isEmpty()) out.append("  class ").append(String.join(",", keys)).append(' ').append(kind.name().toLowerCase(Locale.ROOT)).append('\n');
        }
        List<String> goals = d.nodes.stream().filter(Node::goal).map(Node::key).toList();
        if (!goals.isEmpty()) out.append("  class ").append(String.join(",", goals)).append(" goal\n");
        return out.toString();
    }

    /** A DOT double-quoted string; control characters become spaces, quotes and backslashes are escaped ("\n" kept). */
    static String dotString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'n') {
                b.append("\\n");
                i++;
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Text safe inside a Mermaid quoted label: quotes and angle brackets as entities, controls as spaces. */
    static String mermaidText(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("<br/>", i)) {
                b.append("<br/>");
                i += 4;
            } else if (c == '"') {
                b.append("#quot;");
            } else if (c == '<') {
                b.append("#lt;");
            } else if (c == '>') {
                b.append("#gt;");
            } else if (Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
