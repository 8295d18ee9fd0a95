package org.tutorgraph.cli.chat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutorgraph.cli.testing.ChildTutor;
import org.tutorgraph.cli.testing.TestPostgres;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.SessionSummary;
import org.tutorgraph.learner.StoredEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrency decision end to end, with real {@code tutor chat} processes (child JVMs) on one store: while one
 * chat of a learner runs, a second one is refused with a message naming the first (and writes nothing); once the first
 * has ended, or was killed, the next one runs and resumes. The learner's log holds whole sessions, one after the other.
 */
class ConcurrentChatsTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final LearnerId ADA = LearnerId.of("ada");

    @TempDir
    Path tmp;

    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() throws Exception {
        for (String s : schemas) TestPostgres.drop(s);
    }

    private String store(String kind) throws Exception {
        if (kind.equals("sqlite")) return tmp.resolve("learners.db").toString();
        String url = TestPostgres.freshStore();
        schemas.add(url);
        return url;
    }

    private ChildTutor chat(String store) throws Exception {
        return ChildTutor.start(tmp, "chat", "--plain", "--store", store, "--learner", "ada", "--goal", "two-step-equations");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void refusesASecondChatOfTheSameLearnerWhileTheFirstRuns(String kind) throws Exception {
        String store = store(kind);
        try (ChildTutor first = chat(store)) {
            first.awaitOutput("Question 1 of", START);

            try (ChildTutor second = chat(store)) {
                second.endInput();
                assertThat(second.awaitExit(START)).isEqualTo(1);
                assertThat(second.stderr().strip())
                        .startsWith("tutor: learner ada is in another session (")
                        .contains("pid " + first.pid())
                        .endsWith("finish that session first")
                        .doesNotContain("Exception", "\tat ");
                assertThat(second.stdout()).doesNotContain("Question");
            }

            first.type("idk");
            first.awaitOutput("Question 2 of", START);
            first.type("/quit");
            assertThat(first.awaitExit(START)).isEqualTo(0);
        }
        String firstSession;
        try (LearnerStore s = LearnerStores.open(store)) {
            List<SessionSummary> sessions = s.sessions(ADA);
            assertThat(sessions).hasSize(1);
            firstSession = sessions.get(0).id();
            List<StoredEvent> log = s.events(ADA);
            assertThat(log).allMatch(e -> e.session().equals(firstSession));
            assertThat(log.get(0).type()).isEqualTo("SessionStarted");
            assertThat(log.get(log.size() - 1).type()).isEqualTo("SessionEnded");
        }

        try (ChildTutor again = chat(store)) {
            again.awaitOutput("Question 2 of", START); // resumes where the first left off
            again.type("idk");
            again.endInput();
            assertThat(again.awaitExit(START)).isEqualTo(0);
        }
        assertWholeSessionsInOrder(store, 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aKilledChatDoesNotBlockTheLearner(String kind) throws Exception {
        String store = store(kind);
        try (ChildTutor first = chat(store)) {
            first.awaitOutput("Question 1 of", START);
            first.type("idk");
            first.awaitPromptAfter("Question 2 of", START);
            first.kill();
        }
        try (ChildTutor next = chat(store)) {
            next.awaitOutput("Question 2 of", START);
            next.type("/quit");
            assertThat(next.awaitExit(START)).isEqualTo(0);
            assertThat(next.stdout()).doesNotContain("another session");
        }
        List<StoredEvent> log = assertWholeSessionsInOrder(store, 2);
        assertThat(log).extracting(StoredEvent::type).contains("SessionResumed");
    }

    /** The log is gapless and each session's events form one contiguous run, in the order the sessions started. */
    private static List<StoredEvent> assertWholeSessionsInOrder(String store, int sessions) {
        try (LearnerStore s = LearnerStores.open(store)) {
            List<StoredEvent> log = s.events(ADA);
            for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1L);
            List<String> runs = new ArrayList<>();
            for (StoredEvent e : log) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.session())) runs.add(e.session());
            }
            assertThat(runs).hasSize(sessions).doesNotHaveDuplicates();
            assertThat(runs).containsExactlyElementsOf(s.sessions(ADA).stream().map(SessionSummary::id).toList());
            return log;
        }
    }
}
