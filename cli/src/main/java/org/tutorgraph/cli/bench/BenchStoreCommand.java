package org.tutorgraph.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.records.bench.StoreBench;
import org.tutorgraph.session.agent.CourseContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tutor bench store}: simulated learners doing full tutoring turns against a learner store. */
@Command(name = "store",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Load-test a learner store with simulated tutoring sessions.",
                "",
                "Simulated learners do full offline tutoring turns through the real",
                "session: diagnosis, plan, practice with right and wrong answers, hints",
                "and skips, one store transaction per turn.",
                "Each learner is driven by one worker thread at a time, which holds the",
                "learner's session lease; after every --session-turns turns the learner",
                "goes back to the queue, so sessions also resume from the log.",
                "",
                "Prints throughput (turns/s) and the p50/p99 wall time of a turn (and of",
                "its append alone), then reads every log back and checks that no event was",
                "lost or duplicated, each learner's sequence is gapless and in order, and",
                "the mastery view equals its log. Exits 1 when the check fails.",
                "",
                "The bench learners (bench-RUN-0001, ...) are deleted afterwards unless",
                "--keep is given. --store is required: use a scratch database.",
                "",
                "Examples:",
                "  tutor bench store --store /tmp/bench.db --learners 200 --threads 8",
                "  tutor bench store --store jdbc:postgresql://127.0.0.1/tutor --json",
                ""
        })
public final class BenchStoreCommand implements Callable<Integer> {

    @Mixin
    StoreOption store = new StoreOption();

    @Option(names = "--learners", paramLabel = "N", defaultValue = "200", description = "Simulated learners (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(names = "--turns", paramLabel = "T", defaultValue = "50", description = "Student turns per learner (default: ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--threads", paramLabel = "P", defaultValue = "8", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--session-turns", paramLabel = "K", defaultValue = "25",
            description = "Turns per session before the learner goes back to the queue (default: ${DEFAULT-VALUE}).")
    int sessionTurns;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the simulated learners (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--course", paramLabel = "PACK", description = "A course pack folder. Default: the bundled course.")
    Path course;

    @Option(names = "--keep", description = "Keep the bench learners in the store afterwards.")
    boolean keep;

    @Option(names = "--json", description = "Print the figures as one JSON object (keys turnsPerSecond, p50Millis, "
            + "p99Millis, lost, duplicated, outOfOrder, and more).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--store")) {
            throw new UserException("tutor bench store: --store is required (the bench writes " + learners
                    + " learners; give a scratch SQLite file or PostgreSQL database)");
        }
        StoreBench.Settings settings;
        try {
            settings = new StoreBench.Settings(learners, turns, threads, sessionTurns, seed);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor bench store: " + e.getMessage());
        }
        CourseContext context;
        try {
            context = CourseContext.of(CourseOption.load(course));
        } catch (LogFormatException e) {
            throw new UserException(e.getMessage().lines().toList());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoreBench.Result r;
        String where;
        try (LearnerStore learnerStore = store.open()) {
            where = learnerStore.describe();
            StoreBench bench = new StoreBench(learnerStore, context, settings);
            if (!json) {
                out.printf(Locale.ROOT, "store bench on %s: %d learners x %d turns, %d threads, sessions of up to %d turns%n",
                        where, learners, turns, threads, sessionTurns);
                out.flush();
            }
            try {
                r = bench.run(line -> {
                    if (!json) {
                        err.println("  " + line);
                        err.flush();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserException("tutor bench store: interrupted");
            }
            if (!keep) bench.cleanUp();
        }
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("store", where);
            o.put("learners", r.learners());
            o.put("turnsPerLearner", turns);
            o.put("threads", r.threads());
            o.put("turns", r.turns());
            o.put("sessions", r.sessions());
            o.put("seconds", round(r.seconds(), 3));
            o.put("turnsPerSecond", round(r.turnsPerSecond(), 1));
            o.put("p50Millis", r.p50Millis());
            o.put("p99Millis", r.p99Millis());
            o.put("appendP50Millis", r.appendP50Millis());
            o.put("appendP99Millis", r.appendP99Millis());
            o.put("events", r.events());
            o.put("lost", r.lost());
            o.put("duplicated", r.duplicated());
            o.put("outOfOrder", r.outOfOrder());
            o.put("masteryMismatches", r.masteryMismatches());
            o.put("errors", r.errors());
            o.putPOJO("problems", r.problems());
            out.println(o);
        } else {
            out.printf(Locale.ROOT, "  %,d turns in %.1f s: %.1f turns/s%n", r.turns(), r.seconds(), r.turnsPerSecond());
            out.printf(Locale.ROOT, "  turn latency p50 %.2f ms, p99 %.2f ms (append alone: p50 %.2f ms, p99 %.2f ms)%n",
                    r.p50Millis(), r.p99Millis(), r.appendP50Millis(), r.appendP99Millis());
            out.printf(Locale.ROOT, "  check: %,d events appended in %,d sessions; lost %d, duplicated %d, out of order %d; "
                            + "mastery views %s%n", r.events(), r.sessions(), r.lost(), r.duplicated(), r.outOfOrder(),
                    r.masteryMismatches() == 0 ? "equal their logs" : r.masteryMismatches() + " differ from their logs");
            if (r.errors() > 0) out.printf(Locale.ROOT, "  %d sessions failed, e.g.:%n", r.errors());
            for (String p : r.problems()) out.println("    " + org.tutorgraph.cli.Terminal.safe(p));
            out.println(keep ? "  kept the bench learners" : "  removed the bench learners (--keep keeps them)");
        }
        if (!r.clean()) {
            err.println("tutor bench store: the check failed (see above)");
            return ExitCodes.USER_ERROR;
        }
        return ExitCodes.OK;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
