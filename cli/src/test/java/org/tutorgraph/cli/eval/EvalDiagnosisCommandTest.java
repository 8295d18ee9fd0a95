package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalDiagnosisCommandTest {

    @TempDir
    Path dir;

    private static String mini() throws Exception {
        return Path.of(EvalDiagnosisCommandTest.class.getResource("/packs/mini/course.yaml").toURI()).getParent().toString();
    }

    @Test
    void jsonListsTheFourStrategies() throws Exception {
        Cli.Run run = Cli.run("eval", "diagnosis", "--course", mini(), "--learners", "4", "--seed", "2", "--particles", "128", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("strategies")).hasSize(4);
        assertThat(json.get("strategies").get(0).get("name").asText()).isEqualTo("graph-adaptive");
        for (JsonNode s : json.get("strategies")) {
            assertThat(s.has("questions") && s.has("accuracy")).isTrue();
            assertThat(s.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(json.get("strategies").get(3).get("questions").asDouble()).isEqualTo(8.0);
    }

    @Test
    void readsACommonCoreStyleEdgeList() throws Exception {
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "source,target,relationship\nK.A,K.B,dependency\nK.B,1.C,dependency\nK.A,1.C,conceptual connection\n"
                + "1.C,2.D,dependency\n");
        Cli.Run run = Cli.run("eval", "diagnosis", "--graph-format", "ccssm", "--graph", edges.toString(), "--learners", "3",
                "--seed", "1", "--particles", "64");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 concepts", "graph-adaptive", "random-order", "independent-tracing", "full-test",
                "Accuracy after q questions");
    }

    @Test
    void aBadGraphFileIsAUserError() throws Exception {
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "from,to\nA,B\n");
        Cli.Run run = Cli.run("eval", "diagnosis", "--graph-format", "ccssm", "--graph", edges.toString(), "--learners", "1");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("tutor eval: cannot import " + edges + " as ccssm:");
    }
}
