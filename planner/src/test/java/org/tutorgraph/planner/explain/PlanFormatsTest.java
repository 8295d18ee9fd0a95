package org.tutorgraph.planner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.Planner;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFormatsTest {

    /** base → mid → goal; goal anyOf {alt-a, "odd \"name\""}; known supports mid; one mastered, one planned, one alternative left. */
    private final CourseGraph graph = CourseGraph.builder()
            .concept(new Concept("base", "Base", "", 1, 10, "a"))
            .concept(new Concept("mid", "Middle step", "", 2, 20, "a"))
            .concept(new Concept("alt-a", "Alternative A", "", 1, 5, "b"))
            .concept(new Concept("alt-b", "Odd \"name\" <b>", "", 1, 50, "b"))
            .concept(new Concept("known", "Known", "", 1, 10, "c"))
            .concept(new Concept("goal", "The goal", "", 3, 30, "a"))
            .concept(new Concept("other-goal", "Other goal", "", 1, 10, "c"))
            .requires("base", "mid").requires("mid", "goal")
            .anyOf("goal", List.of("alt-a", "alt-b"))
            .supports("known", "mid", 0.5)
            .build();

    private final Plan plan = Planner.plan(graph, Map.of("base", 1.0, "known", 0.99, "other-goal", 1.0),
            List.of("goal", "other-goal", "nonexistent"), PlanConfig.DEFAULT);

    @Test
    void dotParsesWithJGraphTAndDistinguishesMasteredPlannedAndGoal() {
        String dot = PlanDiagram.dot(plan, graph);
        Graph<String, Object> g = new DirectedPseudograph<>(null, Object::new, false);
        DOTImporter<String, Object> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, String> classes = new HashMap<>();
        importer.addVertexAttributeConsumer((p, attr) -> {
            if (p.getSecond().equals("class")) classes.put(p.getFirst(), attr.getValue());
        });
        importer.importGraph(g, new StringReader(dot));
        assertThat(g.vertexSet()).contains("base", "mid", "alt-a", "alt-b", "goal", "known", "other-goal");
        assertThat(g.containsEdge("base", "mid")).isTrue();
        assertThat(g.containsEdge("mid", "goal")).isTrue();
        assertThat(g.containsEdge("alt-a", "goal")).isTrue();
        assertThat(g.containsEdge("known", "mid")).isTrue();
        assertThat(classes).containsEntry("base", "mastered")
                .containsEntry("mid", "planned")
                .containsEntry("goal", "planned goal")
                .containsEntry("other-goal", "mastered goal")
                .containsEntry("alt-b", "alternative");
    }

    @Test
    void jsonParsesAndCarriesStepsReasonsAndTotals() throws Exception {
        JsonNode root = new ObjectMapper().readTree(PlanJson.render(plan));
        assertThat(root.path("goals")).hasSize(3);
        JsonNode steps = root.path("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(steps.size() - 1).path("concept").asText()).isEqualTo("goal");
        assertThat(steps.get(steps.size() - 1).path("goal").asBoolean()).isTrue();
        JsonNode mid = null;
        for (JsonNode s : steps) if (s.path("concept").asText().equals("mid")) mid = s;
        assertThat(mid).isNotNull();
        assertThat(mid.path("forGoals").get(0).asText()).isEqualTo("goal");
        assertThat(mid.path("enables").get(0).path("kind").asText()).isEqualTo("requires");
        assertThat(mid.path("enables").get(0).path("to").asText()).isEqualTo("goal");
        assertThat(root.path("masteredGoals").get(0).asText()).isEqualTo("other-goal");
        assertThat(root.path("unreachable").get(0).path("reason").asText()).startsWith("unknown concept");
        assertThat(root.path("totals").path("learningMinutes").asDouble()).isPositive();
        assertThat(root.path("totals").path("sequence").has("switches")).isTrue();
    }

    @Test
    void mermaidIsAFlowchartWithDeclaredNodesClassesAndEscapedLabels() {
        String mermaid = PlanDiagram.mermaid(plan, graph);
        List<String> lines = mermaid.lines().toList();
        assertThat(lines.get(0)).isEqualTo("flowchart LR");
        Pattern node = Pattern.compile("^  (n\\d+)\\[\"([^\"]*)\"]$");
        Pattern edge = Pattern.compile("^  (n\\d+) (-->|==>\\|\"[^\"]+\"\\||-\\.->\\|\"[^\"]+\"\\||-\\.-\\|\"[^\"]+\"\\|) (n\\d+)$");
        Pattern cls = Pattern.compile("^  class (n\\d+(,n\\d+)*) (planned|mastered|unreachable|alternative|goal)$");
        Pattern classDef = Pattern.compile("^  classDef \\w+ .+$");
        Set<String> declared = new java.util.HashSet<>();
        int edges = 0;
        for (String line : lines.subList(1, lines.size())) {
            var n = node.matcher(line);
            var e = edge.matcher(line);
            if (n.matches()) {
                declared.add(n.group(1));
            } else if (e.matches()) {
                assertThat(declared).contains(e.group(1), e.group(3));
                edges++;
            } else {
                assertThat(cls.matcher(line).matches() || classDef.matcher(line).matches()).as(line).isTrue();
            }
        }
        assertThat(edges).isGreaterThanOrEqualTo(4);
        assertThat(mermaid).contains("Odd #quot;name#quot; #lt;b#gt;").contains("class ").contains(" goal");
    }

    @Test
    void textNamesEveryStepItsReasonAndTheTotals() {
        String text = PlanText.render(plan, graph);
        assertThat(text).contains("1. ").contains("Middle step [mid]").contains("mid -requires-> goal")
                .contains("alt-a -anyOf(goal#1)-> goal [chosen over alt-b]")
                .contains("Already mastered: other-goal")
                .contains("Cannot reach nonexistent: unknown concept")
                .contains("Total: 3 steps");
    }

    @Test
    void dotEscapesQuotesAndDropsControlCharacters() {
        assertThat(PlanDiagram.dotString("a\"b\\c\u001b[31m")).isEqualTo("\"a\\\"b\\\\c [31m\"");
    }
}
