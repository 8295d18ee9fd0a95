package org.tutorgraph.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.bench.SessionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code tutor bench session}: orchestration overhead per turn, offline. */
@Command(name = "session",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Time the tutoring turns of a simulated session.",
                "",
                "Time per tutoring turn with the offline backend: a seeded simulated learner",
                "(right and wrong answers, hints, demands, chat, new goals when a plan is done)",
                "drives one session on a real learner store. Each turn is timed in two parts:",
                "orchestration (routing, the three agents, the learner model, the transcript)",
                "and the store append (one transaction per turn, with its fsync on SQLite).",
                "Prints p50, p90, p99 and max of each, in milliseconds. Target: p99 of the",
                "orchestration <= 5 ms.",
                "",
                "Example:  tutor bench session --turns 2000 --seed 1",
                ""
        })
public final class BenchSessionCommand implements Callable<Integer> {

    @Option(names = "--turns", paramLabel = "N", defaultValue = "1000", description = "Turns to measure (default ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "300",
            description = "Turns run first and not measured, while the JIT compiles (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the simulated learner (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--course", paramLabel = "PACK", description = "A course pack folder (default: the bundled course).")
    Path course;

    @Option(names = "--store", paramLabel = "PATH|URL",
            description = "The learner store to write to (default: a fresh SQLite file in a temporary folder, deleted after).")
    String store;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (turns < 1 || warmup < 0) throw new UserException("tutor: --turns must be at least 1 and --warmup at least 0");
        CourseContext context;
        try {
            context = CourseContext.of(CourseOption.load(course));
        } catch (LogFormatException e) {
            throw new UserException(e.getMessage().lines().toList());
        }
        Path temp = store == null ? Files.createTempDirectory("tutor-bench-") : null;
        String where = store != null ? store : temp.resolve("bench.db").toString();
        SessionBenchmark.Result r;
        try (LearnerStore s = LearnerStores.open(where)) {
            LearnerId learner = LearnerId.of("bench-" + Long.toHexString(System.nanoTime()));
            r = SessionBenchmark.run(s, learner, context, turns, warmup, seed);
        } finally {
            if (temp != null) delete(temp);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("turns", r.turns()).put("messages", r.messages()).put("seconds", r.seconds());
            put(n.putObject("orchestrationMillis"), r.orchestration());
            put(n.putObject("appendMillis"), r.append());
            put(n.putObject("totalMillis"), r.total());
            n.put("course", context.id()).put("seed", seed).put("warmup", warmup);
            out.println(n);
        } else {
            out.printf(Locale.ROOT, "Session benchmark: %d turns on %s (after %d warm-up turns), seed %d, offline, %s store%n",
                    r.turns(), context.id(), warmup, seed, where.startsWith("jdbc:postgresql") ? "PostgreSQL" : "SQLite");
            out.printf(Locale.ROOT, "  %.1f messages per turn, %.1f s in all%n", r.messages() / (double) r.turns(), r.seconds());
            out.printf(Locale.ROOT, "  %-34s %8s %8s %8s %8s%n", "per turn (ms)", "p50", "p90", "p99", "max");
            row(out, "orchestration (agents, model)", r.orchestration());
            row(out, "store append (1 transaction)", r.append());
            row(out, "total", r.total());
            out.printf(Locale.ROOT, "  target: orchestration p99 <= 5 ms: %s%n", r.orchestration().p99() <= 5 ? "met" : "NOT met");
        }
        out.flush();
        return 0;
    }

    private static void put(ObjectNode n, SessionBenchmark.Percentiles p) {
        n.put("p50", p.p50()).put("p90", p.p90()).put("p99", p.p99()).put("max", p.max());
    }

    private static void row(PrintWriter out, String name, SessionBenchmark.Percentiles p) {
        out.printf(Locale.ROOT, "  %-34s %8.3f %8.3f %8.3f %8.3f%n", name, p.p50(), p.p90(), p.p99(), p.max());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
