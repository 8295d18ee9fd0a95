package org.tutorgraph.records.bench;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.MasteryEvents;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.models.Models;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.tutor.LadderPolicy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The store under load: {@code learners} simulated learners ({@link SimulatedStudent}) each do {@code turns} full
 * offline tutoring turns through the real session (diagnosis, plan, practice with right and wrong answers, hints,
 * skips; one store transaction per turn), driven by {@code threads} worker threads. A learner is driven by one thread
 * at a time, which holds its session lease: a worker takes a learner from the queue, runs one session of at most
 * {@code sessionTurns} turns (so longer runs also replay the log and resume), and puts it back at the end of the
 * queue. Every turn's wall time is measured (orchestration and append apart as well).
 *
 * <p>Afterwards the store is read back and each learner's log compared with what its sessions appended
 * ({@link LogCheck}), and the mastery view with a fold of the log. The shared course context is read-only.
 */
public final class StoreBench {

    /**
     * @param learners     simulated learners
     * @param turns        student turns per learner
     * @param threads      worker threads
     * @param sessionTurns turns per session before the learner goes back to the queue
     * @param seed         seed of the simulated learners
     */
    public record Settings(int learners, int turns, int threads, int sessionTurns, long seed) {
        public Settings {
            if (learners < 1) throw new IllegalArgumentException("--learners must be at least 1");
            if (turns < 1) throw new IllegalArgumentException("--turns must be at least 1");
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
            if (sessionTurns < 1) throw new IllegalArgumentException("--session-turns must be at least 1");
        }
    }

    /**
     * What a run measured and found.
     *
     * @param turns              student turns run
     * @param sessions           sessions run
     * @param seconds            wall time of the turns (from the first session's start to the last one's end)
     * @param turnsPerSecond     turns / seconds
     * @param p50Millis          median wall time of a turn (orchestration + append)
     * @param p99Millis          its 99th percentile
     * @param appendP50Millis    median time of a turn's append alone
     * @param appendP99Millis    99th percentile of the append
     * @param events             events appended
     * @param lost               see {@link LogCheck}
     * @param duplicated         see {@link LogCheck}
     * @param outOfOrder         see {@link LogCheck}
     * @param masteryMismatches  learners whose mastery view differs from a fold of their log
     * @param errors             sessions that failed (their first lines in {@code problems})
     * @param problems           the first few failures
     */
    public record Result(int learners, int threads, long turns, long sessions, double seconds, double turnsPerSecond,
                         double p50Millis, double p99Millis, double appendP50Millis, double appendP99Millis,
                         long events, long lost, long duplicated, long outOfOrder, long masteryMismatches, long errors,
                         List<String> problems) {
        public boolean clean() {
            return lost == 0 && duplicated == 0 && outOfOrder == 0 && masteryMismatches == 0 && errors == 0;
        }
    }

    private final LearnerStore store;
    private final CourseContext course;
    private final Settings settings;
    private final String runId;

    public StoreBench(LearnerStore store, CourseContext course, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.course = Objects.requireNonNull(course, "course");
        this.settings = Objects.requireNonNull(settings, "settings");
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        this.runId = HexFormat.of().formatHex(r);
    }

    /** The learner ids of this run: {@code bench-RUN-0001} … (a fresh run id each time, so runs never collide). */
    public List<LearnerId> learnerIds() {
        List<LearnerId> ids = new ArrayList<>();
        for (int i = 1; i <= settings.learners(); i++) ids.add(LearnerId.of(String.format("bench-%s-%04d", runId, i)));
        return ids;
    }

    /** One learner's progress through the run. */
    private final class Learner {
        final int index;
        final LearnerId id;
        final SimulatedStudent student;
        final List<String> appended = new ArrayList<>();
        int turnsDone;
        int sessions;

        Learner(int index, LearnerId id) {
            this.index = index;
            this.id = id;
            this.student = new SimulatedStudent(course.pack(), settings.seed() * 1_000_003L + index);
        }
    }

    /** Runs the load, then checks the store; {@code progress} hears a line now and then. */
    public Result run(Consumer<String> progress) throws InterruptedException {
        List<LearnerId> ids = learnerIds();
        LinkedBlockingQueue<Learner> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < ids.size(); i++) queue.add(new Learner(i + 1, ids.get(i)));
        List<Learner> all = List.copyOf(queue);
        AtomicInteger remaining = new AtomicInteger(all.size());
        long[][] turnNanos = new long[settings.threads()][];
        long[][] appendNanos = new long[settings.threads()][];
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sessions = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(settings.threads());
        long start = System.nanoTime();
        for (int t = 0; t < settings.threads(); t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                LongList turns = new LongList();
                LongList appends = new LongList();
                try {
                    while (remaining.get() > 0) {
                        Learner l = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (l == null) continue; // the others are finishing their last learners
                        try {
                            session(l, turns, appends);
                            sessions.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            if (problems.size() < 5) problems.add(l.id + ": " + e);
                            l.turnsDone = settings.turns(); // give up on this learner
                        }
                        if (l.turnsDone < settings.turns()) {
                            queue.add(l);
                        } else if (remaining.decrementAndGet() % Math.max(1, all.size() / 10) == 0) {
                            progress.accept(String.format("%d of %d learners done", all.size() - remaining.get(), all.size()));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    turnNanos[worker] = turns.toArray();
                    appendNanos[worker] = appends.toArray();
                    done.countDown();
                }
            }, "bench-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] turnAll = concat(turnNanos);
        long[] appendAll = concat(appendNanos);
        LogCheck.Tally tally = LogCheck.Tally.ZERO;
        long mismatches = 0;
        for (Learner l : all) {
            List<StoredEvent> log = store.events(l.id);
            tally = tally.plus(LogCheck.check(l.appended, log));
            Map<String, Mastery> view = store.mastery(l.id);
            if (!view.equals(MasteryEvents.fold(log))) mismatches++;
        }
        return new Result(all.size(), settings.threads(), turnAll.length, sessions.get(), seconds,
                turnAll.length / seconds, millis(percentile(turnAll, 0.50)), millis(percentile(turnAll, 0.99)),
                millis(percentile(appendAll, 0.50)), millis(percentile(appendAll, 0.99)), tally.expected(),
                tally.lost(), tally.duplicated(), tally.outOfOrder(), mismatches, errors.get(), List.copyOf(problems));
    }

    /** One session of a learner: begin, up to {@code sessionTurns} student turns, end. */
    private void session(Learner l, LongList turns, LongList appends) {
        String sessionId = "bench-" + runId + "-" + l.index + "-" + (++l.sessions);
        List<SessionMessage> shown = new ArrayList<>();
        Turn.Display display = (m, streamed) -> shown.add(m);
        try (TutoringSession s = TutoringSession.open(store, l.id, course, Models.offline(), LadderPolicy.DEFAULT, sessionId)) {
            Orchestrator.Phase phase = s.begin(List.of(), display);
            record(l, sessionId, shown);
            int limit = Math.min(settings.sessionTurns(), settings.turns() - l.turnsDone);
            for (int k = 0; k < limit; k++) {
                SimulatedStudent.Action a = l.student.next(phase, s.model());
                long t0 = System.nanoTime();
                if (a instanceof SimulatedStudent.ChooseGoals g) {
                    phase = s.setGoals(g.goals(), phase == Orchestrator.Phase.FINISHED ? GoalsSet.Source.CHANGED
                            : GoalsSet.Source.CHOSEN, "/goal " + String.join(",", g.goals()), display);
                } else {
                    phase = s.submit(((SimulatedStudent.Submit) a).turn(), display);
                }
                turns.add(System.nanoTime() - t0);
                appends.add(s.lastAppendNanos());
                record(l, sessionId, shown);
                l.turnsDone++;
            }
            s.end(SessionEnded.Reason.QUIT, display);
            record(l, sessionId, shown);
        } catch (RuntimeException e) {
            shown.clear(); // a failed turn was not stored
            throw e;
        }
    }

    private static void record(Learner l, String sessionId, List<SessionMessage> shown) {
        for (SessionMessage m : shown) l.appended.add(LogCheck.digest(sessionId, m.typeName(), MessageCodec.toJson(m)));
        shown.clear();
    }

    /** Deletes the learners of this run (after the check). */
    public int cleanUp() {
        int n = 0;
        for (LearnerId id : learnerIds()) if (store.delete(id).isPresent()) n++;
        return n;
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private static long[] concat(long[][] parts) {
        int n = 0;
        for (long[] p : parts) n += p == null ? 0 : p.length;
        long[] all = new long[n];
        int at = 0;
        for (long[] p : parts) {
            if (p == null) continue;
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }

    /** A growable array of longs (no boxing for 10^5 samples). */
    private static final class LongList {
        private long[] a = new long[256];
        private int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
