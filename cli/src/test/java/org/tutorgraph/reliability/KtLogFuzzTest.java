package org.tutorgraph.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.kt.LogFormat;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.kt.LogProblem;
import org.tutorgraph.kt.ResponseLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the response-log readers (DKT 3-line, pyBKT CSV, DataShop TSV and CSV): seeded mutations of small logs, each
 * read under a time limit with its allocation measured. The contract: a log reads, or fails with
 * {@link LogFormatException} whose every problem names the file and a line (or is about the whole file); never an
 * {@code IOException} for a file that exists, never any other exception. One input in eight also goes through
 * {@code tutor kt fit}, which must exit 0 or 1. 300 inputs here, 6,000 with {@code -Dtutorgraph.slow=true}.
 */
class KtLogFuzzTest {

    static final long SEED = 0x5eed_c0de_0002L;
    static final long TIMEOUT_MILLIS = 10_000;
    static final Pattern WHOLE_FILE = Pattern.compile("no responses in the file|no step with a knowledge component in column .*");

    private record Seed(String resource, LogFormat format) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("dkt.csv", LogFormat.DKT), new Seed("pybkt.csv", LogFormat.PYBKT),
            new Seed("datashop.txt", LogFormat.DATASHOP), new Seed("datashop-comma.csv", LogFormat.DATASHOP));

    @TempDir
    Path temp;

    @Test
    void everyMutatedLogReadsOrFailsWithLocatedProblems() throws Exception {
        int inputs = Slow.size(300, 6_000);
        Mutator mutator = new Mutator(SEED, Slow.size(20_000, 2_000_000));
        Random random = mutator.random();
        Map<Seed, byte[]> seeds = new LinkedHashMap<>();
        for (Seed s : SEEDS) seeds.put(s, Files.readAllBytes(Path.of(Cli.resource("/reliability/seed-logs/" + s.resource()))));
        Failures failures = new Failures();
        Map<LogFormat, int[]> counts = new LinkedHashMap<>(); // read, rejected
        int problemsSeen = 0;
        int fits = 0;
        try (Bounded bounded = new Bounded(TIMEOUT_MILLIS)) {
            for (int n = 0; n < inputs; n++) {
                Seed seed = SEEDS.get(random.nextInt(SEEDS.size()));
                Mutator.Mutated m = mutator.mutate(seeds.get(seed));
                Path file = temp.resolve("log-" + (n % 50) + "-" + seed.resource());
                Files.write(file, m.bytes());
                String example = "input " + n + " (seed " + SEED + "), " + seed.format() + " " + m.steps();
                Bounded.Outcome<Object> o = bounded.run(() -> {
                    try {
                        ResponseLog log = seed.format().reader().read(file);
                        log.bySkill();
                        return log;
                    } catch (LogFormatException e) {
                        return e;
                    }
                });
                int[] c = counts.computeIfAbsent(seed.format(), k -> new int[2]);
                if (o.timedOut()) {
                    failures.add("timeout over " + TIMEOUT_MILLIS + " ms", example + keep(file, n));
                    continue;
                }
                if (o.allocatedBytes() > 256L * 1024 * 1024 + 64L * m.bytes().length) {
                    failures.add("allocated more than 256 MB + 64 × input", example + " allocated " + (o.allocatedBytes() >> 20) + " MB"
                            + keep(file, n));
                }
                if (o.thrown() != null) {
                    failures.add(o.thrown(), example + keep(file, n));
                    continue;
                }
                if (o.value() instanceof LogFormatException e) {
                    c[1]++;
                    problemsSeen += e.problems().size();
                    for (LogProblem p : e.problems()) {
                        String bad = defect(p, file);
                        if (bad != null) failures.add(bad, example + "\n    problem: " + p + keep(file, n));
                    }
                } else {
                    c[0]++;
                }
                if (n % 8 == 0) {
                    fits++;
                    Cli.Run run = Cli.run("kt", "fit", "--format", seed.format().name().toLowerCase(), "--data", file.toString(),
                            "--out", temp.resolve("params.json").toString(), "--restarts", "1", "--max-iterations", "5", "--threads", "1");
                    if (run.exit() == 2 || run.err().contains("internal error")) {
                        failures.add("kt fit exit " + run.exit(), example + "\n" + run.err() + keep(file, n));
                    }
                }
            }
            StringBuilder perFormat = new StringBuilder();
            counts.forEach((f, c) -> perFormat.append(String.format(" %s %d read/%d rejected;", f.name().toLowerCase(), c[0], c[1])));
            System.out.printf("log fuzz: %d inputs (seed %d),%s %d problems, %d kt fit runs; slowest %.1f ms, most allocated %d MB;"
                            + " failures: %d%n", inputs, SEED, perFormat, problemsSeen, fits, bounded.maxNanos / 1e6,
                    bounded.maxAllocated >> 20, failures.total());
        }
        assertThat(failures.isEmpty()).as(failures.report()).isTrue();
    }

    static String defect(LogProblem p, Path file) {
        if (!file.equals(p.file())) return "problem names another file: " + p.file();
        if (p.message() == null || p.message().isBlank()) return "problem without a message";
        if (p.line() < 0) return "negative line";
        if (p.line() == 0 && !WHOLE_FILE.matcher(p.message()).matches()) {
            return "problem without a line: " + p.message().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
        }
        if (p.message().length() > 500) return "message longer than 500 characters: " + p.message().substring(0, 60);
        return null;
    }

    private static String keep(Path file, int n) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "reliability-failures").toAbsolutePath());
            Path kept = dir.resolve("log-" + n + "-" + file.getFileName());
            Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return "\n    kept: " + kept;
        } catch (Exception e) {
            return "\n    (not kept: " + e.getMessage() + ")";
        }
    }
}
