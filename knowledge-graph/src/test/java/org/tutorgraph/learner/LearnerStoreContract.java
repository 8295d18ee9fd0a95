package org.tutorgraph.learner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.jdbc.JdbcLearnerStore;
import org.tutorgraph.learner.jdbc.Migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LearnerStore} must do, run against each implementation by a subclass that says where a fresh,
 * empty store is.
 */
abstract class LearnerStoreContract {

    static final LearnerId ALICE = LearnerId.of("alice");
    static final LearnerId BOB = LearnerId.of("bob");

    @TempDir
    Path tmp;

    private final List<LearnerStore> opened = new ArrayList<>();

    /** A location (path or URL) of a fresh, empty store, valid for the current test. */
    abstract String newLocation() throws Exception;

    /** The location most recently returned by {@link #freshLocation()}. */
    String lastLocation;

    String freshLocation() throws Exception {
        lastLocation = newLocation();
        return lastLocation;
    }

    /** Runs one SQL statement directly on the database behind {@code location} (to simulate other writers). */
    abstract void executeDirectly(String location, String sql) throws Exception;

    /** The first column of the first row of a query run directly on the database behind {@code location}. */
    abstract long queryDirectly(String location, String sql) throws Exception;

    LearnerStore open(String location) {
        LearnerStore s = LearnerStores.open(location);
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(LearnerStore::close);
    }

    static NewEvent answer(int n) {
        return new NewEvent("AnswerGraded", "{\"n\":" + n + "}");
    }

    // ---- the log ----

    @Test
    void eventsSurviveReopening() throws Exception {
        String location = freshLocation();
        LearnerStore first = open(location);
        first.append(ALICE, "s1", List.of(answer(1), MasteryEvents.event("fractions", 0.4, 1)));
        first.append(ALICE, "s1", List.of(answer(2)));
        first.close();

        LearnerStore again = open(location);
        assertThat(again.events(ALICE)).extracting(StoredEvent::seq, StoredEvent::type, StoredEvent::payload)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "AnswerGraded", "{\"n\":1}"),
                        org.assertj.core.groups.Tuple.tuple(2L, "MasteryUpdated", MasteryEvents.event("fractions", 0.4, 1).payload()),
                        org.assertj.core.groups.Tuple.tuple(3L, "AnswerGraded", "{\"n\":2}"));
        assertThat(again.mastery(ALICE)).containsOnlyKeys("fractions");
        assertThat(again.mastery(ALICE).get("fractions").posterior()).isEqualTo(0.4);
    }

    @Test
    void numbersEachLearnersEventsFromOneWithoutGaps() throws Exception {
        LearnerStore store = open(freshLocation());
        List<StoredEvent> a = store.append(ALICE, "s1", List.of(answer(1), answer(2), answer(3)));
        List<StoredEvent> b = store.append(BOB, "s2", List.of(answer(1)));
        List<StoredEvent> c = store.append(ALICE, "s1", List.of(answer(4), answer(5)));

        assertThat(a).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(b).extracting(StoredEvent::seq).containsExactly(1L);
        assertThat(c).extracting(StoredEvent::seq).containsExactly(4L, 5L);
        assertThat(store.events(ALICE)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.events(ALICE)).extracting(StoredEvent::payload)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        assertThat(store.append(ALICE, "s1", List.of())).isEmpty();
        assertThat(store.events(ALICE)).hasSize(5);
    }

    @Test
    void readsEventsAfterASequenceNumber() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(ALICE, "s1", List.of(answer(1), answer(2), answer(3), answer(4)));
        assertThat(store.eventsAfter(ALICE, 2)).extracting(StoredEvent::seq).containsExactly(3L, 4L);
        assertThat(store.eventsAfter(ALICE, 4)).isEmpty();
        assertThat(store.eventsAfter(BOB, 0)).isEmpty();
    }

    @Test
    void keepsPayloadsByteForByteIncludingQuotesAndUnicode() throws Exception {
        LearnerStore store = open(freshLocation());
        String tricky = "{\"said\":\"'); DROP TABLE events; -- \\\"quoted\\\" \\u0000 ½ ∑ 🙂\",\"n\":[1,2.50,{}]}";
        store.append(ALICE, "s1", List.of(new NewEvent("StudentTurn", tricky)));
        assertThat(store.events(ALICE)).singleElement().extracting(StoredEvent::payload).isEqualTo(tricky);
    }

    @Test
    void groupsEventsBySessionAndListsSessionsOldestFirst() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(ALICE, "s1", List.of(answer(1), answer(2)));
        store.append(ALICE, "s2", List.of(answer(3)));
        store.append(ALICE, "s1", List.of(answer(4)));

        assertThat(store.session("s1")).extracting(StoredEvent::seq).containsExactly(1L, 2L, 4L);
        assertThat(store.session("s2")).extracting(StoredEvent::seq).containsExactly(3L);
        assertThat(store.session("never")).isEmpty();
        assertThat(store.sessions(ALICE)).extracting(SessionSummary::id, SessionSummary::events,
                        SessionSummary::firstSeq, SessionSummary::lastSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 3L, 1L, 4L),
                        org.assertj.core.groups.Tuple.tuple("s2", 1L, 3L, 3L));
    }

    @Test
    void refusesASessionIdThatBelongsToAnotherLearnerAndWritesNothing() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(ALICE, "shared", List.of(answer(1)));
        assertThatThrownBy(() -> store.append(BOB, "shared", List.of(answer(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to another learner");
        assertThat(store.events(BOB)).isEmpty();
        assertThat(store.learner(BOB)).isEmpty();
        assertThat(store.append(BOB, "own", List.of(answer(3)))).extracting(StoredEvent::seq).containsExactly(1L);
    }

    @Test
    void rejectsMalformedBatchesWhole() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(ALICE, "s1", List.of(answer(1)));
        List<List<NewEvent>> bad = List.of(
                List.of(answer(2), new NewEvent("AnswerGraded", "not json")),
                List.of(answer(2), new NewEvent("AnswerGraded", "[1,2]")),
                List.of(answer(2), new NewEvent("AnswerGraded", "{\"a\":1,\"a\":2}")),
                List.of(answer(2), new NewEvent("AnswerGraded", "{} {}")),
                List.of(answer(2), new NewEvent("Bad Type", "{}")),
                List.of(answer(2), new NewEvent("'; DROP TABLE events; --", "{}")),
                List.of(answer(2), new NewEvent(MasteryEvents.TYPE, "{\"concept\":\"x\",\"posterior\":1.5,\"evidence\":1}")),
                List.of(answer(2), new NewEvent(MasteryEvents.TYPE, "{\"concept\":\"x\",\"posterior\":0.5}")),
                List.of(answer(2), new NewEvent(MasteryEvents.TYPE, "{\"concept\":\"a\\u0000b\",\"posterior\":0.5,\"evidence\":1}")),
                List.of(answer(2), new NewEvent("Big", "{\"x\":\"" + "y".repeat(1 << 20) + "\"}")));
        for (List<NewEvent> batch : bad) {
            assertThatThrownBy(() -> store.append(ALICE, "s1", batch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("event 1");
        }
        for (String session : List.of("", "a/b", "../x", "s 1", "s\n1", "x".repeat(129), "'; DROP TABLE sessions; --")) {
            assertThatThrownBy(() -> store.append(ALICE, session, List.of(answer(2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session id");
        }
        assertThat(store.events(ALICE)).extracting(StoredEvent::seq).containsExactly(1L);
        assertThat(store.mastery(ALICE)).isEmpty();
    }

    // ---- the mastery view ----

    @Test
    void foldsMasteryUpdatesIntoTheViewAndRebuildsTheSameFromTheLog() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(ALICE, "s1", List.of(MasteryEvents.event("slope", 0.2, 1), answer(1),
                MasteryEvents.event("intercept", 0.5, 2), MasteryEvents.event("slope", 0.35, 2)));
        store.append(ALICE, "s1", List.of(MasteryEvents.event("slope", 0.9, 3)));
        store.append(BOB, "s2", List.of(MasteryEvents.event("slope", 0.1, 1)));

        Map<String, Mastery> view = store.mastery(ALICE);
        assertThat(view).containsExactly(
                Map.entry("intercept", new Mastery("intercept", 0.5, 2, 3)),
                Map.entry("slope", new Mastery("slope", 0.9, 3, 5)));
        assertThat(MasteryEvents.fold(store.events(ALICE))).isEqualTo(view);

        executeDirectly(lastLocation, "DELETE FROM mastery WHERE learner_id = 'alice'");
        assertThat(store.mastery(ALICE)).isEmpty();
        store.rebuildMastery(ALICE);
        assertThat(store.mastery(ALICE)).isEqualTo(view);
        assertThat(store.mastery(BOB)).containsOnlyKeys("slope");
    }

    @Test
    void rebuildingWhileAppendsRunNeverLeavesAStaleView() throws Exception {
        LearnerStore store = open(freshLocation());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 1; i <= 60; i++) store.append(ALICE, "s1", StoreChild.batch(i));
                return null;
            });
            Future<?> rebuilder = pool.submit(() -> {
                while (!writer.isDone()) store.rebuildMastery(ALICE);
                return null;
            });
            writer.get(60, TimeUnit.SECONDS);
            rebuilder.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.mastery(ALICE)).isEqualTo(MasteryEvents.fold(store.events(ALICE)));
    }

    @Test
    void refusesToRewriteTheLog() throws Exception {
        String location = freshLocation();
        LearnerStore store = open(location);
        store.append(ALICE, "s1", List.of(answer(1)));
        assertThatThrownBy(() -> executeDirectly(location, "UPDATE events SET payload = '{}' WHERE learner_id = 'alice'"))
                .hasMessageContaining("append-only");
        assertThat(store.events(ALICE)).extracting(StoredEvent::payload).containsExactly("{\"n\":1}");
    }

    // ---- learners ----

    @Test
    void summarisesAndDeletesLearners() throws Exception {
        LearnerStore store = open(freshLocation());
        store.append(BOB, "b1", List.of(answer(1)));
        store.append(ALICE, "a1", List.of(answer(1), MasteryEvents.event("slope", 0.5, 1)));
        store.append(ALICE, "a2", List.of(answer(2)));

        assertThat(store.learners()).extracting(LearnerSummary::id, LearnerSummary::events, LearnerSummary::sessions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, 3L, 2),
                        org.assertj.core.groups.Tuple.tuple(BOB, 1L, 1));
        LearnerSummary alice = store.learner(ALICE).orElseThrow();
        assertThat(alice.firstSeen()).isBeforeOrEqualTo(alice.lastSeen());

        assertThat(store.delete(ALICE)).contains(new DeletedLearner(ALICE, 3, 2, 1));
        assertThat(store.delete(ALICE)).isEmpty();
        assertThat(store.learner(ALICE)).isEmpty();
        assertThat(store.events(ALICE)).isEmpty();
        assertThat(store.mastery(ALICE)).isEmpty();
        assertThat(store.session("a1")).isEmpty();
        assertThat(store.learners()).extracting(LearnerSummary::id).containsExactly(BOB);
        assertThat(store.append(ALICE, "a3", List.of(answer(9)))).extracting(StoredEvent::seq).containsExactly(1L);
    }

    // ---- identity ----

    @Test
    void keepsItsIdentityAcrossOpeningsAndDiffersFromAnotherStore() throws Exception {
        String location = freshLocation();
        LearnerStore first = open(location);
        String identity = first.identity();
        assertThat(identity).matches("[0-9a-f]{32}");
        first.close();
        assertThat(open(location).identity()).isEqualTo(identity);
        assertThat(open(freshLocation()).identity()).matches("[0-9a-f]{32}").isNotEqualTo(identity);
    }

    // ---- migrations ----

    @Test
    void migratesAFreshStoreAndLeavesAnUpToDateOneAlone() throws Exception {
        String location = freshLocation();
        JdbcLearnerStore fresh = (JdbcLearnerStore) open(location);
        assertThat(fresh.migratedFrom()).isZero();
        assertThat(fresh.schemaVersion()).isEqualTo(Migrations.latest());
        fresh.append(ALICE, "s1", List.of(answer(1)));
        fresh.close();

        JdbcLearnerStore again = (JdbcLearnerStore) open(location);
        assertThat(again.migratedFrom()).isEqualTo(Migrations.latest());
        assertThat(again.schemaVersion()).isEqualTo(Migrations.latest());
        assertThat(again.events(ALICE)).hasSize(1);
    }

    @Test
    void migratesOnceWhenSeveralOpenersFindAFreshStoreAtOnce() throws Exception {
        String location = freshLocation();
        int openers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                versions.add(pool.submit(() -> {
                    start.await();
                    try (JdbcLearnerStore s = (JdbcLearnerStore) LearnerStores.open(location)) {
                        return s.schemaVersion();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> v : versions) assertThat(v.get(60, TimeUnit.SECONDS)).isEqualTo(Migrations.latest());
        } finally {
            pool.shutdownNow();
        }
        assertThat(queryDirectly(location, "SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.ALL.size());
    }

    @Test
    void refusesAStoreWrittenByANewerVersion() throws Exception {
        String location = freshLocation();
        open(location).close();
        executeDirectly(location, "INSERT INTO schema_version (version, description, applied_ms) VALUES (999, 'future', 0)");
        assertThatThrownBy(() -> open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 999").hasMessageContaining("newer tutorgraph");
    }

    // ---- concurrency ----

    @Test
    void losesAndDuplicatesNothingWhenTwoLearnersAreWrittenFromSeveralThreads() throws Exception {
        LearnerStore store = open(freshLocation());
        int threads = 4;
        int batches = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                LearnerId learner = t % 2 == 0 ? ALICE : BOB;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        String tag = "\"t\":" + thread + ",\"b\":" + b;
                        store.append(learner, "session-" + thread, List.of(
                                new NewEvent("A", "{" + tag + ",\"k\":0}"),
                                new NewEvent("A", "{" + tag + ",\"k\":1}")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (LearnerId learner : List.of(ALICE, BOB)) {
            List<StoredEvent> log = store.events(learner);
            int expected = threads / 2 * batches * 2;
            assertThat(log).extracting(StoredEvent::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
            Set<String> payloads = new HashSet<>();
            for (StoredEvent e : log) assertThat(payloads.add(e.payload())).as("duplicate %s", e.payload()).isTrue();
            assertThat(payloads).hasSize(expected);
            for (int i = 0; i < log.size(); i += 2) {
                // a batch's two events are adjacent: appends never interleave
                assertThat(log.get(i + 1).payload()).isEqualTo(log.get(i).payload().replace("\"k\":0", "\"k\":1"));
            }
        }
    }

    @Test
    void aWriterKilledMidWriteLeavesAConsistentStore() throws Exception {
        String location = freshLocation();
        open(location).close(); // migrate first, so the child only appends
        try (ChildJvm child = ChildJvm.start(tmp, "append", location, "alice")) {
            child.await(line -> line.equals("appended 40"), Duration.ofSeconds(60));
            child.kill();
        }
        LearnerStore store = open(location);
        List<StoredEvent> log = store.events(ALICE);
        assertThat(log.size()).isGreaterThanOrEqualTo(120).isEqualTo(log.size() / 3 * 3);
        assertThat(log).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        for (int i = 0; i < log.size(); i++) {
            int batch = i / 3 + 1;
            assertThat(log.get(i).payload()).isEqualTo(StoreChild.batch(batch).get(i % 3).payload());
        }
        Map<String, Mastery> view = store.mastery(ALICE);
        assertThat(view).isEqualTo(MasteryEvents.fold(log));
        store.rebuildMastery(ALICE);
        assertThat(store.mastery(ALICE)).isEqualTo(view);
        assertThat(store.learner(ALICE).orElseThrow().events()).isEqualTo(log.size());
        assertThat(store.sessions(ALICE)).singleElement().extracting(SessionSummary::events).isEqualTo((long) log.size());
        // and the store takes new writes right after the crash
        assertThat(store.append(ALICE, "next", List.of(answer(1)))).extracting(StoredEvent::seq)
                .containsExactly((long) log.size() + 1);
    }

    // ---- session leases ----

    @Test
    void refusesASecondConcurrentSessionOfTheSameLearner() throws Exception {
        String location = freshLocation();
        LearnerStore store = open(location);
        LearnerStore other = open(location);
        try (SessionLease first = store.acquireSession(ALICE, "s1")) {
            assertThat(first.learner()).isEqualTo(ALICE);
            assertThatThrownBy(() -> store.acquireSession(ALICE, "s2")).isInstanceOf(SessionBusyException.class)
                    .hasMessageContaining("learner alice is in another session")
                    .hasMessageContaining("session s1")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> other.acquireSession(ALICE, "s3")).isInstanceOf(SessionBusyException.class);
            assertThatThrownBy(() -> store.delete(ALICE)).isInstanceOf(SessionBusyException.class);
            try (SessionLease bob = other.acquireSession(BOB, "s4")) {
                assertThat(bob.sessionId()).isEqualTo("s4");
            }
        }
        try (SessionLease again = other.acquireSession(ALICE, "s5")) {
            assertThat(again.sessionId()).isEqualTo("s5");
        }
    }

    @Test
    void aKilledSessionNeverBlocksTheLearner() throws Exception {
        String location = freshLocation();
        LearnerStore store = open(location);
        try (ChildJvm child = ChildJvm.start(tmp, "lease", location, "alice", "child-s1")) {
            child.await(line -> line.startsWith("leased"), Duration.ofSeconds(60));
            assertThatThrownBy(() -> store.acquireSession(ALICE, "s2")).isInstanceOf(SessionBusyException.class)
                    .hasMessageContaining("learner alice is in another session")
                    .hasMessageContaining("pid " + child.pid());
            child.kill();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (SessionLease lease = store.acquireSession(ALICE, "s2")) {
                assertThat(lease.sessionId()).isEqualTo("s2");
                return;
            } catch (SessionBusyException stillHeld) {
                // PostgreSQL notices the dead client a moment after the kernel closes its socket
                if (System.nanoTime() > deadline) throw stillHeld;
                Thread.sleep(50);
            }
        }
    }
}
