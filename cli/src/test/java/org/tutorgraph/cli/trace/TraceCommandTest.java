package org.tutorgraph.cli.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.NewEvent;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceCommandTest {

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("t.db").toString();
    }

    private void write() {
        try (LearnerStore s = LearnerStores.open(store())) {
            s.append(LearnerId.of("ann"), "sess-1", List.of(
                    MessageCodec.toEvent(new SessionStarted("sess-1", "ann", "algebra", "Algebra", "0.1", "sha256:x", "offline")),
                    MessageCodec.toEvent(StudentTurn.of(StudentTurn.Kind.TEXT, "3/4 \u001b[31m\nnext")),
                    new NewEvent("FromAnotherTool", "{\"a\":1}")));
        }
    }

    @Test
    void printsOneLinePerMessageWithTimeTypeAndSummary() {
        write();
        Cli.Run run = Cli.run("trace", "sess-1", "--store", store());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("\\s+1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  SessionStarted\\s+learner ann, course algebra 0.1 .*");
        assertThat(lines.get(1)).contains("StudentTurn", "TEXT \"3/4 \\u001b[31m\\nnext\"").doesNotContain("\u001b");
        assertThat(lines.get(2)).contains("FromAnotherTool", "(not a session message) {\"a\":1}");
    }

    @Test
    void jsonIsOneObjectPerMessage() throws Exception {
        write();
        Cli.Run run = Cli.run("trace", "sess-1", "--json", "--store", store());
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("type").asText()).isEqualTo("SessionStarted");
        assertThat(first.get("learner").asText()).isEqualTo("ann");
        assertThat(first.get("message").get("course").asText()).isEqualTo("algebra");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("message").get("text").asText()).isEqualTo("3/4 \u001b[31m\nnext");
        assertThat(run.out()).doesNotContain("\u001b");
    }

    @Test
    void unknownSessionsAndBadIdsAreUserErrors() {
        write();
        Cli.Run none = Cli.run("trace", "nope", "--store", store());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no session 'nope'", "tutor learners show");
        Cli.Run bad = Cli.run("trace", "../x", "--store", store());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid session id");
        Cli.Run noStore = Cli.run("trace", "s", "--store", dir.resolve("none.db").toString());
        assertThat(noStore.exit()).isEqualTo(1);
        assertThat(dir.resolve("none.db")).doesNotExist();
    }
}
