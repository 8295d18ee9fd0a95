package org.tutorgraph.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enormous course packs, generated at test time, loaded by {@code tutor} in a child JVM with a small heap
 * ({@value #HEAP}): a clear error or success, never an {@code OutOfMemoryError} or a stack overflow. The default run
 * uses 20,000 concepts and a 12 MB file; {@code -Dtutorgraph.slow=true} uses 200,000 concepts and a 60 MB file.
 */
class EnormousPackTest {

    static final String HEAP = "-Xmx256m";

    @TempDir
    Path tmp;

    private static void assertClean(ChildCli.Result r, String what) {
        String err = r.errText();
        assertThat(err).as(what).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError")
                .doesNotContain("internal error").doesNotContain("Exception").doesNotContain("ran out of memory");
        assertThat(r.exit()).as(what + ": " + err).isIn(0, 1);
        if (r.exit() == 1) assertThat(err).as(what).contains("too large for the memory available");
    }

    /** A chain of {@code n} concepts (each requires the one before: the deepest graph there is) and one item. */
    static Path chainPack(Path dir, int n) throws IOException {
        Files.createDirectories(dir.resolve("items"));
        Files.writeString(dir.resolve("course.yaml"), "id: huge\ntitle: A very long chain\n");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("concepts.yaml"), StandardCharsets.UTF_8)) {
            w.write("concepts:\n");
            for (int i = 0; i < n; i++) {
                w.write("  - id: c" + i + "\n    name: Concept " + i + "\n");
                if (i > 0) w.write("    requires: [c" + (i - 1) + "]\n");
                if (i > 1 && i % 7 == 0) w.write("    anyOf:\n      - [c" + (i - 2) + ", c" + (i / 2) + "]\n");
                if (i > 2 && i % 5 == 0) w.write("    supportedBy: [c" + (i - 3) + "]\n");
            }
        }
        Files.writeString(dir.resolve("items/q.yaml"), "items:\n  - id: q\n    concepts: [c" + (n - 1) + "]\n    prompt: p\n"
                + "    type: number\n    answers: [\"3\"]\n    ladder:\n      - rung: bottom-out\n        text: It is 3.\n");
        return dir;
    }

    @Test
    void aHugeChainOfConceptsLoadsPlansOrFailsClearlyInASmallHeap() throws Exception {
        int n = Slow.size(20_000, 200_000);
        Path pack = chainPack(tmp.resolve("chain"), n);
        long bytes = Files.size(pack.resolve("concepts.yaml"));
        ChildCli.Result validate = ChildCli.run(tmp, List.of(HEAP), Map.of(), null, Duration.ofMinutes(10),
                "course", "validate", pack.toString());
        assertClean(validate, "course validate");
        ChildCli.Result plan = ChildCli.run(tmp, List.of(HEAP), Map.of(), null, Duration.ofMinutes(10),
                "plan", "--course", pack.toString(), "--mastered", "", "--goal", "c" + (n - 1), "--format", "json",
                "--store", tmp.resolve("none.db").toString());
        assertClean(plan, "plan");
        System.out.printf("enormous pack: %,d concepts (%,d bytes) in %s: validate exit %d in %.1f s%s; plan exit %d in %.1f s%n",
                n, bytes, HEAP, validate.exit(), validate.took().toMillis() / 1e3,
                validate.exit() == 0 ? "" : " (" + validate.errText().lines().findFirst().orElse("") + ")",
                plan.exit(), plan.took().toMillis() / 1e3);
        if (validate.exit() != 0) {
            // refused for its size in the small heap: with the heap it asks for, the same pack loads and plans
            String big = "-Xmx" + Math.max(1024, bytes * 64 / (1024 * 1024) * 5 / 4) + "m";
            ChildCli.Result ok = ChildCli.run(tmp, List.of(big), Map.of(), null, Duration.ofMinutes(10),
                    "plan", "--course", pack.toString(), "--mastered", "", "--goal", "c" + (n - 1), "--format", "json",
                    "--store", tmp.resolve("none.db").toString());
            assertThat(ok.exit()).as(ok.errText()).isZero();
            System.out.printf("  with %s: plan over %,d concepts exit 0 in %.1f s%n", big, n, ok.took().toMillis() / 1e3);
        }
    }

    @Test
    void aHugeFileIsLoadedOrRefusedClearlyInASmallHeap() throws Exception {
        long target = Slow.size(12, 60) * 1024L * 1024;
        Path pack = Files.createDirectories(tmp.resolve("bigfile"));
        Files.writeString(pack.resolve("course.yaml"), "id: big\n");
        try (BufferedWriter w = Files.newBufferedWriter(pack.resolve("concepts.yaml"), StandardCharsets.UTF_8)) {
            w.write("concepts:\n  - id: a\n    description: >\n");
            String line = "      " + "lorem ipsum dolor sit amet ".repeat(3) + "\n";
            for (long written = 0; written < target; written += line.length()) w.write(line);
        }
        long bytes = Files.size(pack.resolve("concepts.yaml"));
        ChildCli.Result r = ChildCli.run(tmp, List.of(HEAP), Map.of(), null, Duration.ofMinutes(10),
                "course", "show", pack.toString(), "--format", "json");
        assertClean(r, "course show of a " + bytes + " byte file");
        System.out.printf("enormous file: %,d bytes in %s: exit %d in %.1f s%s%n", bytes, HEAP, r.exit(), r.took().toMillis() / 1e3,
                r.exit() == 0 ? "" : " (" + r.errText().lines().findFirst().orElse("") + ")");
    }
}
