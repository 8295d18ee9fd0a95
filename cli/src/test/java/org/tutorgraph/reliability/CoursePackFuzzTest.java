package org.tutorgraph.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.guard.LadderAudit;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.CoursePackWriter;
import org.tutorgraph.pack.InvalidPackException;
import org.tutorgraph.pack.PackProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the course-pack reader: seeded mutations of a small pack that uses every feature of the format (and, for one
 * input in ten, of the bundled course), each loaded under a time limit with its allocation measured. The contract:
 * a pack loads or fails with {@link InvalidPackException}, never anything else; every problem names its file and a
 * line (or is about the whole file); a pack that loads survives everything downstream (the ladder audit, answer
 * checking, the leak guard, {@code course show} in every format and {@code plan}); and {@code course validate} on a
 * broken pack exits 1 without an internal error. 300 inputs here, 6,000 with {@code -Dtutorgraph.slow=true}.
 */
class CoursePackFuzzTest {

    static final long SEED = 0x5eed_c0de_0001L;
    /** Per-input limits: generous for a shared 2-core machine, far below what a runaway parse would take. */
    static final long TIMEOUT_MILLIS = 10_000;
    /** Allocation bound per input: a fixed allowance plus a multiple of the input's size (parsing keeps a node per value). */
    static long maxAllocated(long inputBytes) {
        return 256L * 1024 * 1024 + 200 * inputBytes;
    }

    /** Problems that concern a whole file (or the whole pack), so they carry no line. */
    static final Pattern WHOLE_FILE = Pattern.compile("file not found.*|the file is empty|file is too large.*|not a file.*"
            + "|is a link to outside.*|cannot read file.*|no course pack here.*|cannot list folder.*");

    @TempDir
    Path temp;

    @Test
    void everyMutatedPackLoadsOrFailsWithLocatedProblems() throws Exception {
        int inputs = Slow.size(300, 6_000);
        int maxHuge = Slow.size(20_000, 2_000_000);
        Map<String, byte[]> seed = readTree(Path.of(Cli.resource("/reliability/seed-pack")));
        Path bundledDir = temp.resolve("bundled");
        CoursePackWriter.write(BundledCourse.load(), bundledDir);
        Map<String, byte[]> bundled = readTree(bundledDir);

        Mutator mutator = new Mutator(SEED, maxHuge);
        Random random = mutator.random();
        Failures failures = new Failures();
        int loaded = 0;
        int rejected = 0;
        int problemsSeen = 0;
        int cliRuns = 0;
        long maxInput = 0;
        Map<String, Integer> byOp = new LinkedHashMap<>();
        Path dir = temp.resolve("pack");
        try (Bounded bounded = new Bounded(TIMEOUT_MILLIS)) {
            for (int n = 0; n < inputs; n++) {
                Map<String, byte[]> files = new LinkedHashMap<>(random.nextInt(10) == 0 ? bundled : seed);
                List<String> names = new ArrayList<>(files.keySet());
                List<String> steps = new ArrayList<>();
                int targets = random.nextInt(8) == 0 ? 2 : 1;
                for (int t = 0; t < targets; t++) {
                    String name = names.get(random.nextInt(names.size()));
                    Mutator.Mutated m = mutator.mutate(files.get(name));
                    files.put(name, m.bytes());
                    steps.add(name + ":" + m.steps());
                    m.steps().forEach(s -> byOp.merge(s, 1, Integer::sum));
                }
                if (random.nextInt(40) == 0) {
                    String gone = names.get(random.nextInt(names.size()));
                    files.remove(gone);
                    steps.add("delete " + gone);
                }
                writeTree(dir, files);
                long size = files.values().stream().mapToLong(b -> b.length).sum();
                maxInput = Math.max(maxInput, size);
                String example = "input " + n + " (seed " + SEED + "), " + steps + " in " + dir;

                Bounded.Outcome<Object> o = bounded.run(() -> loadAndUse(dir));
                if (o.timedOut()) {
                    failures.add("timeout over " + TIMEOUT_MILLIS + " ms", example + save(dir, n));
                    continue;
                }
                if (o.allocatedBytes() > maxAllocated(size)) {
                    failures.add("allocated more than 256 MB + 200 × input", example + " allocated " + (o.allocatedBytes() >> 20)
                            + " MB for " + size + " bytes" + save(dir, n));
                }
                if (o.thrown() != null) {
                    failures.add(o.thrown(), example + save(dir, n));
                    continue;
                }
                if (o.value() instanceof InvalidPackException e) {
                    rejected++;
                    problemsSeen += e.problems().size();
                    for (PackProblem p : e.problems()) {
                        String bad = problemDefect(p, files.keySet());
                        if (bad != null) failures.add(bad, example + "\n    problem: " + abbreviate(p.toString()) + save(dir, n));
                    }
                    if (n % 10 == 0) {
                        cliRuns++;
                        Cli.Run run = Cli.run("course", "validate", dir.toString());
                        if (run.exit() != 1 || run.err().contains("internal error")) {
                            failures.add("course validate exit " + run.exit(), example + "\n" + abbreviate(run.err()) + save(dir, n));
                        }
                    }
                } else {
                    loaded++;
                    if (n % 4 == 0) cliRuns += showAndPlan(dir, failures, example);
                }
            }
            System.out.printf("course-pack fuzz: %d inputs (seed %d, %d mutation kinds), %d loaded, %d rejected with %d problems, "
                            + "%d CLI runs; largest input %d bytes; slowest %.1f ms, most allocated %d MB; failures: %d%n",
                    inputs, SEED, mutator.operations(), loaded, rejected, problemsSeen, cliRuns, maxInput,
                    bounded.maxNanos / 1e6, bounded.maxAllocated >> 20, failures.total());
        }
        System.out.println("mutations applied: " + byOp);
        assertThat(failures.isEmpty()).as(failures.report()).isTrue();
        assertThat(loaded).as("some mutations keep the pack valid, so the downstream checks run").isPositive();
        assertThat(rejected).isPositive();
    }

    /** Loads the pack and, when it is valid, puts it through what the program does with a pack. */
    private static Object loadAndUse(Path dir) {
        CoursePack pack;
        try {
            pack = CoursePackLoader.load(dir);
        } catch (InvalidPackException e) {
            return e;
        }
        LadderAudit.audit(pack);
        AnswerChecker checker = new AnswerChecker();
        LeakGuard guard = new LeakGuard();
        for (Item item : pack.items()) {
            List<String> attempts = new ArrayList<>(item.answers());
            attempts.addAll(item.choices());
            for (Misconception m : item.misconceptions()) attempts.addAll(m.wrongAnswers());
            attempts.addAll(List.of("0", "0.33", "33%", "1/3", "x", "2x+1", "B", "1e400", "seven", "(((x)))", ""));
            for (String a : attempts) {
                checker.check(item, a);
                checker.sameAnswer(item, a, item.answers().get(0));
            }
            // oracles: the pack's own key is accepted; an overflow or a huge power never is
            for (String key : item.answers()) {
                if (!(checker.check(item, key) instanceof CheckResult.Correct)) {
                    throw new AssertionError("item " + item.id() + ": its own answer '" + key + "' is not accepted: " + checker.check(item, key));
                }
            }
            for (String hostile : List.of("1e999", "9".repeat(320), "9^9^9^9", "y = 9^9^9^9")) {
                if (checker.check(item, hostile) instanceof CheckResult.Correct && !item.answers().contains(hostile)) {
                    throw new AssertionError("item " + item.id() + ": '" + hostile.substring(0, Math.min(12, hostile.length())) + "' accepted");
                }
            }
            for (int level = 0; level <= 4; level++) {
                guard.check(item, level, "Think about " + item.prompt() + " " + String.join(" ", item.answers()), List.of());
            }
        }
        return pack;
    }

    /** {@code course show} in every format and a plan to every concept, in-process; returns the number of runs. */
    private int showAndPlan(Path dir, Failures failures, String example) throws IOException {
        int runs = 0;
        for (String format : List.of("text", "json", "dot", "mermaid")) {
            Cli.Run run = Cli.run("course", "show", dir.toString(), "--format", format);
            runs++;
            if (run.exit() != 0) failures.add("course show --format " + format + " exit " + run.exit(), example + "\n" + abbreviate(run.err()));
        }
        CoursePack pack;
        try {
            pack = CoursePackLoader.load(dir);
        } catch (InvalidPackException e) {
            throw new AssertionError(e);
        }
        String goals = String.join(",", pack.graph().concepts().stream().map(Concept::id).toList());
        Cli.Run plan = Cli.run("plan", "--course", dir.toString(), "--mastered", "", "--goal", goals,
                "--store", temp.resolve("plan.db").toString());
        runs++;
        if (plan.exit() == 2 || plan.err().contains("internal error")) {
            failures.add("plan exit " + plan.exit(), example + "\n" + abbreviate(plan.err()));
        }
        return runs;
    }

    /** What is wrong with a reported problem as a message for an educator, or null when it is fine. */
    static String problemDefect(PackProblem p, java.util.Set<String> files) {
        if (p.file() == null || p.file().isBlank()) return "problem without a file";
        if (p.message() == null || p.message().isBlank()) return "problem without a message";
        if (p.line() < 0) return "negative line";
        if (p.line() == 0 && !WHOLE_FILE.matcher(p.message()).matches()) {
            return "problem without a line: " + p.message().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
        }
        if (p.message().length() > 1_000) return "message longer than 1,000 characters: " + p.message().substring(0, 60);
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    /** Keeps a failing input for replay, under target/ (never in the source tree). */
    private static String save(Path dir, int n) {
        try {
            Path keep = Path.of("target", "reliability-failures", "pack-" + n).toAbsolutePath();
            if (Files.exists(keep)) return "\n    kept: " + keep;
            writeTree(keep, readTree(dir));
            return "\n    kept: " + keep;
        } catch (IOException e) {
            return "\n    (not kept: " + e.getMessage() + ")";
        }
    }

    static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void writeTree(Path root, Map<String, byte[]> files) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(root);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }
}
