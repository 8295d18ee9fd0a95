package org.tutorgraph.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code tutor bench startup}: time from starting {@code tutor chat} to its first prompt. */
@Command(name = "startup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Time the start of tutor chat to its first prompt.",
                "",
                "Time from starting 'tutor chat' (through the real launcher, a new JVM each",
                "time) to its first prompt, then '/quit'. Two cases: a new learner (the first",
                "prompt asks for a goal) and a returning learner in the middle of a question",
                "(the log is replayed, the agents rebuilt, the question shown again). Prints",
                "min, median and max in milliseconds. Target: <= 1,500 ms.",
                "",
                "Example:  tutor bench startup --runs 10 --launcher ./tutor",
                ""
        })
public final class BenchStartupCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Starts per case (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--launcher", paramLabel = "PATH", defaultValue = "./tutor",
            description = "The program to start (default: ${DEFAULT-VALUE}, the repository's launcher).")
    Path launcher;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) throw new UserException("tutor: --runs must be at least 1");
        if (!Files.isExecutable(launcher)) {
            throw new UserException("tutor: cannot run " + launcher + ": give the tutor launcher with --launcher");
        }
        Path dir = Files.createTempDirectory("tutor-startup-");
        try {
            String store = dir.resolve("startup.db").toString();
            // a returning learner: a goal, a few answers, an open question with a hint shown
            firstPrompt(store, "returning", "--goal", "two-step-equations",
                    "idk\nidk\nidk\nidk\nidk\nidk\nidk\nidk\nidk\nidk\n/hint\n/quit\n");
            firstPrompt(store, "warm", "/quit\n"); // one start not counted: file caches, class data sharing archive
            long[] fresh = new long[runs];
            long[] returning = new long[runs];
            for (int i = 0; i < runs; i++) {
                fresh[i] = firstPrompt(store, "new-" + i, "/quit\n");
                returning[i] = firstPrompt(store, "returning", "/quit\n");
            }
            Arrays.sort(fresh);
            Arrays.sort(returning);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = new ObjectMapper().createObjectNode();
                n.put("runs", runs);
                put(n.putObject("newLearnerMillis"), fresh);
                put(n.putObject("returningLearnerMillis"), returning);
                out.println(n);
            } else {
                out.printf(Locale.ROOT, "Time from '%s chat' to its first prompt, %d runs per case (ms)%n", launcher, runs);
                out.printf(Locale.ROOT, "  %-44s %7s %7s %7s%n", "case", "min", "median", "max");
                row(out, "new learner (goal prompt)", fresh);
                row(out, "returning learner (replay, open question)", returning);
                out.printf(Locale.ROOT, "  target: median <= 1500 ms: %s%n", Math.max(median(fresh), median(returning)) <= 1500 ? "met" : "NOT met");
            }
            out.flush();
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    /** Starts the chat, waits for its first prompt ("> "), sends {@code input}; returns the time to the prompt in ms. */
    private long firstPrompt(String store, String learner, String... argsAndInput) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "chat", "--plain", "--learner", learner, "--store", store));
        cmd.addAll(Arrays.asList(argsAndInput).subList(0, argsAndInput.length - 1));
        String input = argsAndInput[argsAndInput.length - 1];
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long elapsed = -1;
        try (InputStream out = p.getInputStream(); OutputStream in = p.getOutputStream()) {
            int previous = '\n';
            for (int c; (c = out.read()) >= 0; previous = c) {
                if (previous == '\n' && c == '>') {
                    elapsed = (System.nanoTime() - start) / 1_000_000;
                    break;
                }
            }
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.flush();
            in.close();
            out.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the child may have exited early; the wait below reports it
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new UserException("tutor: " + launcher + " chat did not finish within 60 s");
        }
        if (elapsed < 0 || p.exitValue() != 0) {
            throw new UserException("tutor: " + launcher + " chat exited with " + p.exitValue() + " before its first prompt");
        }
        return elapsed;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void row(PrintWriter out, String name, long[] sorted) {
        out.printf(Locale.ROOT, "  %-44s %7d %7d %7d%n", name, sorted[0], median(sorted), sorted[sorted.length - 1]);
    }

    private static void put(ObjectNode n, long[] sorted) {
        n.put("min", sorted[0]).put("median", median(sorted)).put("max", sorted[sorted.length - 1]);
    }
}
