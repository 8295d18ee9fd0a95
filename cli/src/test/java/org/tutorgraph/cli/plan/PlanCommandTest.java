package org.tutorgraph.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.MasteryEvents;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private static final String PACK = Cli.resource("/packs/paths");

    @Test
    void printsTheStepsWithTheirReasonsAndTotals() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "counting,addition=0.6", "--goal", "equations");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Plan for equations")
                .contains("Builds on what you master: counting (1.00)")
                .contains("One-step equations [equations]  GOAL")
                .contains("mastery 0.60")
                .contains("number-line -anyOf(negative-numbers-model)-> negative-numbers [chosen over thermometer-model]")
                .contains("Total: 7 steps");
    }

    @Test
    void jsonOutputParses() throws Exception {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "counting", "--goal", "fractions", "--goal", "negative-numbers", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("goals")).hasSize(2);
        assertThat(root.path("steps").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(root.path("steps").findValuesAsText("concept")).contains("addition", "fractions", "negative-numbers");
    }

    @Test
    void dotOutputParsesWithJGraphT() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "counting", "--goal", "equations", "--format", "DOT");
        assertThat(r.exit()).isZero();
        Graph<String, Object> g = new DirectedPseudograph<>(null, Object::new, false);
        DOTImporter<String, Object> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(g, new StringReader(r.out()));
        assertThat(g.vertexSet()).contains("counting", "addition", "equations", "thermometer-model");
        assertThat(g.containsEdge("fractions", "equations")).isTrue();
    }

    @Test
    void mermaidOutputIsAFlowchart() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "", "--goal", "subtraction", "--format", "mermaid");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("flowchart LR\n").contains("n0[\"1. Counting").contains("class n2 goal");
    }

    @Test
    void unavailableConceptsAreRoutedAround() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "counting,addition,subtraction", "--goal", "negative-numbers",
                "--unavailable", "number-line");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("thermometer-model -anyOf(negative-numbers-model)-> negative-numbers");
    }

    @Test
    void anUnknownGoalIsReportedAndTheRestStillPlanned() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "counting", "--goal", "addition,fractoins");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Cannot reach fractoins: unknown concept (did you mean 'fractions'?)")
                .contains("Addition [addition]  GOAL");
    }

    @Test
    void badMasteryInputIsAUserErrorNamingEachProblem() {
        Cli.Run r = Cli.run("plan", "--course", PACK, "--mastered", "countin,addition=2,subtraction=x", "--goal", "equations");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unknown concept 'countin' (did you mean 'counting'?)")
                .contains("--mastered addition=2: posterior must be between 0 and 1")
                .contains("'x' is not a number")
                .doesNotContain("Exception");
    }

    @Test
    void refusesMissingGoalsAndConflictingLearnerSources() {
        assertThat(Cli.run("plan", "--mastered", "a").exit()).isEqualTo(1);
        Cli.Run both = Cli.run("plan", "--learner", "ana", "--mastered", "a", "--goal", "x");
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("mutually exclusive");
        Cli.Run threshold = Cli.run("plan", "--course", PACK, "--mastered", "", "--goal", "addition", "--threshold", "1.5");
        assertThat(threshold.exit()).isEqualTo(1);
        assertThat(threshold.err()).contains("--threshold");
    }

    @Test
    void readsMasteryFromTheLearnerStore(@TempDir Path tmp) {
        String store = tmp.resolve("learners.db").toString();
        try (LearnerStore s = LearnerStores.open(store)) {
            s.append(LearnerId.of("ana"), "s1", List.of(
                    MasteryEvents.event("counting", 0.99, 5),
                    MasteryEvents.event("addition", 0.97, 4),
                    MasteryEvents.event("subtraction", 0.7, 2),
                    MasteryEvents.event("concept-of-another-course", 0.99, 3)));
        }
        Cli.Run r = Cli.run("plan", "--course", PACK, "--learner", "ana", "--store", store, "--goal", "negative-numbers");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Builds on what you master: counting (0.99), addition (0.97)")
                .contains("Subtraction [subtraction]").contains("mastery 0.70")
                .doesNotContain("Addition [addition]");
        Cli.Run unknown = Cli.run("plan", "--course", PACK, "--learner", "bob", "--store", store, "--goal", "addition");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no learner 'bob'");
        Cli.Run bad = Cli.run("plan", "--course", PACK, "--learner", "../etc", "--store", store, "--goal", "addition");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid learner id");
    }
}
