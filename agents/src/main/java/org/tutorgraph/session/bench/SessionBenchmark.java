package org.tutorgraph.session.bench;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.models.Models;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.view.Transcript;
import org.tutorgraph.tutor.LadderPolicy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How long a tutoring turn takes with the offline backend, apart from the learner: a seeded simulated learner drives
 * one session through {@code turns} turns (diagnosis, plans, hints, demands, new goals when a plan is finished) on a
 * real store, and each turn is timed in two parts: <b>orchestration</b> (routing, the agents, the learner model, the
 * learner's transcript rendered as the chat does) and the <b>store append</b> (one transaction, with its fsync on
 * SQLite). The first {@code warmup} turns (the JIT compiling) are not counted.
 */
public final class SessionBenchmark {

    /**
     * Figures of one run (milliseconds).
     *
     * @param turns           turns measured (after warm-up)
     * @param messages        messages those turns produced
     * @param orchestration   per-turn orchestration time: p50, p90, p99, max
     * @param append          per-turn store append time: p50, p90, p99, max
     * @param total           per-turn sum of both: p50, p90, p99, max
     * @param seconds         wall time of the whole run
     */
    public record Result(int turns, long messages, Percentiles orchestration, Percentiles append, Percentiles total, double seconds) {
    }

    /** Percentiles of a sample, in milliseconds. */
    public record Percentiles(double p50, double p90, double p99, double max) {
        static Percentiles of(long[] nanos) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            return new Percentiles(at(s, 0.50), at(s, 0.90), at(s, 0.99), s.length == 0 ? 0 : s[s.length - 1] / 1e6);
        }

        /** Nearest-rank percentile. */
        private static double at(long[] sorted, double q) {
            if (sorted.length == 0) return 0;
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    private SessionBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param store   where the learner's log goes (a fresh learner id is used)
     * @param learner the simulated learner's id (it must have no history, so that the run starts with a diagnosis)
     */
    public static Result run(LearnerStore store, LearnerId learner, CourseContext course, int turns, int warmup, long seed) {
        Objects.requireNonNull(store, "store");
        List<String> goals = course.finalConcepts().stream().map(Concept::id).toList();
        BenchStudent student = new BenchStudent(course.pack(), seed, goals);
        long[] orchestration = new long[turns];
        long[] append = new long[turns];
        long[] total = new long[turns];
        long messages = 0;
        long start = System.nanoTime();
        try (TutoringSession s = TutoringSession.open(store, learner, course, Models.offline(), LadderPolicy.DEFAULT)) {
            Transcript transcript = new Transcript(course, s.model());
            long[] shown = new long[1];
            Turn.Display display = (m, streamed) -> {
                shown[0]++;
                transcript.render(m, streamed);
            };
            Orchestrator.Phase phase = s.begin(List.of(), display);
            for (int i = -warmup; i < turns; i++) {
                long before = shown[0];
                BenchStudent.Action a = student.next(s.model(), phase);
                phase = a.goal() != null ? s.setGoals(List.of(a.goal()), GoalsSet.Source.CHANGED, a.goal(), display)
                        : s.submit(a.turn(), display);
                if (i < 0) continue;
                orchestration[i] = s.lastTurnNanos();
                append[i] = s.lastAppendNanos();
                total[i] = orchestration[i] + append[i];
                messages += shown[0] - before;
            }
            s.end(SessionEnded.Reason.QUIT, display);
        }
        return new Result(turns, messages, Percentiles.of(orchestration), Percentiles.of(append), Percentiles.of(total),
                (System.nanoTime() - start) / 1e9);
    }
}
