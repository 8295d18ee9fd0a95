package org.tutorgraph.records.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.session.agent.CourseContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StoreBenchTest {

    @TempDir
    Path tmp;

    @Test
    void runsFullTurnsFromSeveralThreadsAndFindsTheLogsIntact() throws Exception {
        CourseContext course = CourseContext.of(BundledCourse.load());
        try (LearnerStore store = LearnerStores.open(tmp.resolve("bench.db").toString())) {
            StoreBench bench = new StoreBench(store, course, new StoreBench.Settings(5, 14, 3, 6, 7));
            List<String> progress = new ArrayList<>();
            StoreBench.Result r = bench.run(progress::add);

            assertThat(r.problems()).isEmpty();
            assertThat(r.clean()).isTrue();
            assertThat(r.turns()).isEqualTo(5 * 14);
            assertThat(r.sessions()).isEqualTo(5 * 3); // 6 + 6 + 2 turns
            assertThat(r.turnsPerSecond()).isPositive();
            assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis()).isPositive();
            assertThat(progress).isNotEmpty();

            Set<String> types = new HashSet<>();
            long events = 0;
            for (LearnerId id : bench.learnerIds()) {
                List<StoredEvent> log = store.events(id);
                events += log.size();
                log.forEach(e -> types.add(e.type()));
                assertThat(store.sessions(id)).hasSize(3);
            }
            assertThat(r.events()).isEqualTo(events);
            // full turns: diagnosis, plan, practice with hints, resumed sessions
            assertThat(types).contains("SessionStarted", "SessionResumed", "DiagnosticQuestion", "AnswerGraded",
                    "MasteryUpdated", "PlanAdopted", "TeachStep", "HintGiven", "TutorReply", "SessionEnded");

            assertThat(bench.cleanUp()).isEqualTo(5);
            assertThat(store.learners()).isEmpty();
        }
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(StoreBench.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(StoreBench.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(StoreBench.percentile(new long[]{42}, 0.99)).isEqualTo(42);
        assertThat(StoreBench.percentile(new long[0], 0.5)).isZero();
    }
}
