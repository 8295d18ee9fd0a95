package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tutorgraph.cli.Cli;

import static org.assertj.core.api.Assertions.assertThat;

class EvalPlannerCommandTest {

    @Test
    void syntheticEvaluationPrintsTheDocumentedJson() throws Exception {
        Cli.Run r = Cli.run("eval", "planner", "--synthetic", "300", "--instances", "6", "--seed", "4", "--warmup", "1",
                "--incremental", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode planners = root.path("planners");
        assertThat(planners).hasSize(5);
        for (JsonNode p : planners) {
            for (String field : new String[]{"name", "violations", "coverage", "costRatioMedian", "costRatioMax",
                    "sequenceCost", "p50Millis", "p99Millis"}) {
                assertThat(p.has(field)).as(field).isTrue();
            }
        }
        assertThat(planners.get(0).path("name").asText()).isEqualTo("ours");
        assertThat(planners.get(0).path("violations").asInt()).isZero();
        assertThat(planners.get(0).path("coverage").asDouble()).isEqualTo(1.0);
        assertThat(root.path("incremental").path("violations").asInt()).isZero();
    }

    @Test
    void readsAMetamathDatabaseAndPrintsATable() {
        Cli.Run r = Cli.run("eval", "planner", "--graph-format", "metamath", "--graph", Cli.resource("/metamath/tiny.mm"),
                "--instances", "3", "--seed", "1", "--warmup", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("metamath:tiny.mm").contains("5 concepts").contains("ours").contains("shortest-paths");
    }

    @Test
    void evaluatesACoursePack() {
        Cli.Run r = Cli.run("eval", "planner", "--course", Cli.resource("/packs/paths"), "--instances", "4", "--warmup", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("9 concepts").contains("exact");
    }

    @Test
    void badSourcesAreUserErrors() {
        Cli.Run unknown = Cli.run("eval", "planner", "--graph-format", "gml", "--graph", Cli.resource("/metamath/tiny.mm"));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown --graph-format 'gml'");
        Cli.Run missing = Cli.run("eval", "planner", "--graph-format", "metamath", "--graph", "no/such/file.mm");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
        Cli.Run both = Cli.run("eval", "planner", "--synthetic", "10", "--course", "x");
        assertThat(both.exit()).isEqualTo(1);
    }
}
