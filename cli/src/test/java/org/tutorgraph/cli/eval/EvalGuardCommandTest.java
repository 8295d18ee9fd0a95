package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.TutorCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalGuardCommandTest {

    private static Path data() throws URISyntaxException {
        return Path.of(EvalGuardCommandTest.class.getResource("/org/tutorgraph/cli/eval/data/dialogues/mathdial/test.jsonl").toURI())
                .getParent().getParent().getParent();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(new TutorCommand()));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void scoresTheGuardOnBothDatasetsAsJson() throws Exception {
        Run r = run("eval", "guard", "--data", data().toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode oatutor = root.path("results").get(0);
        assertThat(oatutor.path("dataset").asText()).isEqualTo("oatutor");
        // positives: "So we get 4x+12", "The answer is 0.75", "Think of 5 groups of 1" (5 is the prompt's own number: missed)
        // false alarm: "That gives 12+4x" (the answer reordered, which the verbatim label does not count)
        assertThat(oatutor.path("score").path("tp").asInt()).isEqualTo(2);
        assertThat(oatutor.path("score").path("fp").asInt()).isEqualTo(1);
        assertThat(oatutor.path("score").path("fn").asInt()).isEqualTo(1);
        assertThat(oatutor.path("score").path("tn").asInt()).isEqualTo(4);
        assertThat(oatutor.path("score").path("precision").asDouble()).isEqualTo(0.6667);
        assertThat(oatutor.path("groups").path("scaffold").path("messages").asInt()).isEqualTo(1);

        JsonNode mathdial = root.path("results").get(1);
        assertThat(mathdial.path("dataset").asText()).isEqualTo("mathdial");
        assertThat(mathdial.path("score").path("tp").asInt()).isEqualTo(1);
        assertThat(mathdial.path("score").path("fp").asInt()).isEqualTo(1);
        assertThat(mathdial.path("score").path("fn").asInt()).isEqualTo(1);
        assertThat(mathdial.path("score").path("tn").asInt()).isEqualTo(2);
        assertThat(mathdial.path("groups").path("generic").path("messages").asInt()).isEqualTo(1);
        assertThat(mathdial.path("groups").path("generic").path("flagged").asInt()).isZero();
        assertThat(mathdial.path("verbatimScore").path("tp").asInt()).isEqualTo(2);
        assertThat(mathdial.path("verbatimScore").path("fn").asInt()).isZero();
    }

    @Test
    void printsTextWithAuditExamples() throws Exception {
        Run r = run("eval", "guard", "--data", data().toString(), "--dataset", "oatutor", "--show", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("oatutor: 8 messages").contains("precision 66.7%  recall 66.7%")
                .contains("false positives:").contains("That gives 12+4x").contains("false negatives:").contains("Think of 5 groups of 1");
        assertThat(r.out()).doesNotContain("mathdial:");
    }

    @Test
    void missingDataIsAUserErrorThatSaysWhatToPass(@TempDir Path empty) {
        Run none = run("eval", "guard", "--data", empty.resolve("nowhere").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(none.err()).contains("no data folder").contains("--data DIR");
        Run partial = run("eval", "guard", "--data", empty.toString(), "--dataset", "mathdial");
        assertThat(partial.code()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(partial.err()).contains("missing data").contains("test.jsonl");
        Run bad = run("eval", "guard", "--data", empty.toString(), "--dataset", "gsm8k");
        assertThat(bad.code()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("unknown dataset 'gsm8k'");
    }
}
