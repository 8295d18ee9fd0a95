package org.tutorgraph.cli.learners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.MasteryEvents;
import org.tutorgraph.learner.NewEvent;
import org.tutorgraph.learner.SessionLease;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LearnersCommandTest {

    @TempDir
    Path tmp;

    private String store() {
        return tmp.resolve("learners.db").toString();
    }

    private void record() {
        try (LearnerStore s = LearnerStores.open(store())) {
            LearnerId alice = LearnerId.of("alice");
            s.append(alice, "s1", List.of(new NewEvent("AnswerGraded", "{\"item\":\"slope-1\",\"correct\":false}"),
                    MasteryEvents.event("slope", 0.25, 1)));
            s.append(alice, "s2", List.of(new NewEvent("StudentTurn", "{\"text\":\"hi \u202eevil\"}"),
                    MasteryEvents.event("slope", 0.6, 2), MasteryEvents.event("intercept\u202e", 0.5, 1)));
            s.append(LearnerId.of("bob"), "s3", List.of(new NewEvent("AnswerGraded", "{}")));
        }
    }

    @Test
    void listsLearnersWithTheirCounts() {
        record();
        Cli.Run r = Cli.run("learners", "list", "--store", store());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("(?m)^ID\\s+EVENTS\\s+SESSIONS\\s+FIRST SEEN\\s+LAST SEEN$")
                .containsPattern("(?m)^alice\\s+5\\s+2\\s+\\d{4}-")
                .containsPattern("(?m)^bob\\s+1\\s+1\\s+")
                .contains("2 learners in " + store());
    }

    @Test
    void listsAsJson() throws Exception {
        record();
        Cli.Run r = Cli.run("learners", "list", "--json", "--store", store());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("id").asText()).isEqualTo("alice");
        assertThat(json.get(0).get("events").asLong()).isEqualTo(5);
    }

    @Test
    void listingAMissingStoreSaysSoAndCreatesNothing() {
        Cli.Run r = Cli.run("learners", "list", "--store", store());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("no learners yet (no store at " + store() + ")");
        assertThat(tmp.resolve("learners.db")).doesNotExist();
    }

    @Test
    void showsMasterySessionsAndRecentEventsWithControlCharactersEscaped() {
        record();
        Cli.Run r = Cli.run("learners", "show", "alice", "--store", store());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("learner alice in " + store())
                .contains("5 events, 2 sessions")
                .containsPattern("(?m)^  slope\\s+0\\.600\\s+2\\s+4$")
                .contains("intercept\\u202e")
                .containsPattern("(?m)^  s1\\s+2\\s+1\\.\\.2 ")
                .contains("recent events (5 of 5)")
                .contains("{\"item\":\"slope-1\",\"correct\":false}")
                .doesNotContain("\u202e");
        Cli.Run two = Cli.run("learners", "show", "alice", "--events", "2", "--store", store());
        assertThat(two.out()).contains("recent events (2 of 5)").doesNotContain("slope-1");
    }

    @Test
    void showsAsJson() throws Exception {
        record();
        Cli.Run r = Cli.run("learners", "show", "alice", "--json", "--store", store());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("mastery")).hasSize(2);
        assertThat(json.get("recentEvents").get(0).get("payload").get("item").asText()).isEqualTo("slope-1");
    }

    @Test
    void refusesUnknownAndInvalidIds() {
        record();
        Cli.Run unknown = Cli.run("learners", "show", "carol", "--store", store());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(unknown.err()).contains("no learner 'carol' in " + store());

        List<String> bad = new ArrayList<>(List.of("../etc/passwd", "x'; DROP TABLE events;--", "a\u001b[2Jb"));
        bad.add("y".repeat(1 << 20));
        for (String id : bad) {
            Cli.Run r = Cli.run("learners", "show", id, "--store", store());
            assertThat(r.exit()).as(id.length() > 80 ? "1 MB id" : id).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.err()).contains("learner id").doesNotContain("\u001b").hasSizeLessThan(1000);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void deletesExactlyOneLearnerAndReportsWhatWentAway() {
        record();
        Cli.Run r = Cli.run("learners", "delete", "alice", "--store", store());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("deleted learner alice from " + store() + ": 5 events, 2 sessions, 2 mastery rows");
        assertThat(Cli.run("learners", "list", "--store", store()).out()).doesNotContain("alice").contains("bob");

        Cli.Run again = Cli.run("learners", "delete", "alice", "--store", store());
        assertThat(again.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(again.err()).contains("no learner 'alice'");
    }

    @Test
    void refusesToDeleteALearnerInASession() {
        record();
        try (LearnerStore s = LearnerStores.open(store());
             SessionLease lease = s.acquireSession(LearnerId.of("bob"), "live")) {
            assertThat(lease.sessionId()).isEqualTo("live");
            Cli.Run r = Cli.run("learners", "delete", "bob", "--store", store());
            assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.err()).contains("learner bob is in another session (session live, pid ");
        }
        assertThat(Cli.run("learners", "delete", "bob", "--store", store()).exit()).isZero();
    }

    @Test
    void reportsADamagedStoreAsAUserError() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("learners.db"), "garbage ".repeat(200));
        Cli.Run r = Cli.run("learners", "list", "--store", store());
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).startsWith("tutor: cannot open the learner store: " + store() + " is not a tutorgraph learner store");
    }

    @Test
    void everythingReachesTheProcessStdout() {
        // The real stdout is buffered: output that is printed but never flushed is lost at exit.
        record();
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, false, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(org.tutorgraph.cli.Main.run("learners", "show", "alice", "--store", store())).isZero();
            assertThat(org.tutorgraph.cli.Main.run("learners", "list", "--store", store())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("recent events (5 of 5)").contains("2 learners in ");
    }

    @Test
    void helpTeachesTheStoreOption() {
        Cli.Run r = Cli.run("learners", "list", "--help");
        assertThat(r.out()).contains("--store=PATH|URL").contains("TUTORGRAPH_STORE").contains("jdbc:postgresql://");
    }
}
