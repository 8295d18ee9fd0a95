package org.tutorgraph.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.NewEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the command line, in-process: learner ids built to escape a path, a query or a terminal; course
 * text, log content and file names carrying ANSI/OSC escapes; course packs that point outside their folder. What the
 * CLI writes is checked as bytes: no ESC, BEL, C1 control or bidi override ever reaches the terminal raw.
 */
class HostileInputTest {

    /** Learner ids that must be refused before they reach a file name, a query or the terminal. */
    static final List<String> HOSTILE_IDS = List.of(
            "../../etc/passwd", "..", "a/b", "a\\b", "/abs", "C:\\x", "'; DROP TABLE events; --", "x' OR '1'='1",
            "alice\u001b]0;pwned\u0007", "bob\u001b[2J", "nul\u0000id", "new\nline", "cr\rid", "\u202Eevil", "tab\tid",
            "ümlaut", "emoji\uD83D\uDE00", "", " ", "-dash-first", ".hidden", "a".repeat(65), "x".repeat(1_048_576));

    @TempDir
    Path tmp;

    private static final byte[] FORBIDDEN = {0x1b, 0x07, 0x08, 0x00, 0x0d, 0x7f};

    /** The raw control characters in {@code text} (what a terminal would act on), as "U+XXXX at i". */
    static List<String> rawControls(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (bad) out.add(String.format("U+%04X at %d", (int) c, i));
        }
        return out;
    }

    /** Asserts a run's output holds no raw control character and stays short. */
    static void assertSafe(Cli.Run run, String what, int maxChars) {
        assertThat(rawControls(run.out())).as(what + " stdout").isEmpty();
        assertThat(rawControls(run.err())).as(what + " stderr").isEmpty();
        assertThat(run.out().length() + run.err().length()).as(what + " output length").isLessThanOrEqualTo(maxChars);
        assertThat(run.err()).as(what).doesNotContain("internal error").doesNotContain("Exception");
    }

    @Test
    void refusesHostileLearnerIdsBeforeTheyReachTheStore() throws IOException {
        Path store = tmp.resolve("store").resolve("learners.db");
        Files.createDirectories(store.getParent());
        try (LearnerStore s = LearnerStores.open(store.toString())) {
            s.append(LearnerId.of("alice"), "s1", List.of(new NewEvent("AnswerGraded", "{}")));
        }
        byte[] before = Files.readAllBytes(store);
        int runs = 0;
        for (String id : HOSTILE_IDS) {
            List<String[]> commands = List.of(
                    new String[]{"learners", "show", id, "--store", store.toString()},
                    new String[]{"learners", "delete", id, "--store", store.toString()},
                    new String[]{"plan", "--learner", id, "--goal", "linear-equations", "--store", store.toString()});
            for (String[] args : commands) {
                Cli.Run run = Cli.run(args);
                runs++;
                String what = args[0] + " " + args[1] + " with id " + printable(id);
                assertThat(run.exit()).as(what + ": " + run.err()).isEqualTo(1);
                assertSafe(run, what, 2_000);
                assertThat(run.err()).as(what).containsAnyOf("learner id", "ID");
            }
        }
        assertThat(Files.readAllBytes(store)).as("the store is untouched").isEqualTo(before);
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.map(p -> tmp.relativize(p).toString()).toList()).as("no file named after an id")
                    .allMatch(p -> p.isEmpty() || p.startsWith("store"));
        }
        System.out.printf("hostile learner ids: %d ids × 3 commands = %d runs, all refused (exit 1), store unchanged%n",
                HOSTILE_IDS.size(), runs);
    }

    static String printable(String s) {
        String t = s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + " chars)" : s;
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e)) sb.append(String.format("\\u%04x", cp));
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    // ---------------------------------------------------------------- escapes in course text and files

    static final String OSC = "\u001b]0;pwned\u0007";
    static final String CSI = "\u001b[2J\u001b[31m";
    static final String C1 = "\u009b31m";
    static final String BIDI = "\u202Eevil\u2066";

    /** A valid pack whose every human text carries terminal escapes. */
    static Path escapingPack(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("items"));
        String evil = OSC + CSI + C1 + BIDI;
        Files.writeString(dir.resolve("course.yaml"), "id: evil\ntitle: \"T" + esc(evil) + "\"\ndescription: \"D" + esc(evil)
                + "\"\nversion: \"1" + esc(evil) + "\"\n");
        Files.writeString(dir.resolve("concepts.yaml"), "concepts:\n"
                + "  - id: a\n    name: \"A" + esc(evil) + "\"\n    description: \"about" + esc(evil) + "\"\n    area: \"ar" + esc(evil) + "\"\n"
                + "  - id: b\n    name: \"B" + esc(evil) + "\"\n    requires: [a]\n");
        Files.writeString(dir.resolve("items/q.yaml"), "items:\n  - id: q\n    concepts: [b]\n    prompt: \"What" + esc(evil) + "?\"\n"
                + "    type: text\n    answers: [\"yes" + esc(evil) + "\"]\n    ladder:\n      - rung: orient\n        text: \"yes"
                + esc(evil) + " is it\"\n      - rung: bottom-out\n        text: \"it is yes\"\n");
        return dir;
    }

    /** YAML double-quoted escapes for control characters, so that the file itself is valid YAML. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void escapesInCourseTextNeverReachTheTerminal() throws IOException {
        Path pack = escapingPack(tmp.resolve("evil"));
        int runs = 0;
        for (String format : List.of("text", "json", "dot", "mermaid")) {
            Cli.Run run = Cli.run("course", "show", pack.toString(), "--format", format);
            runs++;
            assertThat(run.exit()).as(format + ": " + run.err()).isZero();
            assertSafe(run, "course show --format " + format, 100_000);
        }
        for (String format : List.of("text", "json", "dot", "mermaid")) {
            Cli.Run run = Cli.run("plan", "--course", pack.toString(), "--mastered", "", "--goal", "b", "--format", format,
                    "--store", tmp.resolve("none.db").toString());
            runs++;
            assertThat(run.exit()).as(format + ": " + run.err()).isZero();
            assertSafe(run, "plan --format " + format, 100_000);
        }
        Cli.Run validate = Cli.run("course", "validate", "--strict", pack.toString());
        runs++;
        assertSafe(validate, "course validate --strict", 100_000);
        assertThat(validate.err()).as("the audit quotes the leaking rung, escaped").contains("\\u001b");
        System.out.printf("escapes in course text: %d CLI runs (show, plan in 4 formats; validate), 0 raw control characters%n", runs);
    }

    @Test
    void escapesInProblemsAndFileNamesNeverReachTheTerminal() throws IOException {
        Path pack = escapingPack(tmp.resolve("bad\u001b]0;dir\u0007"));
        // an id, an unknown field and an unknown concept that all carry escapes: each is quoted in a problem
        Files.writeString(pack.resolve("concepts.yaml"), "concepts:\n  - id: \"a" + esc(OSC) + "\"\n    \"na" + esc(CSI) + "me\": x\n"
                + "  - id: b\n    requires: [\"z" + esc(OSC) + "\"]\n");
        Cli.Run run = Cli.run("course", "validate", pack.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertSafe(run, "course validate of a pack with escapes in ids", 10_000);
        assertThat(run.err()).contains("\\u001b]0;pwned\\u0007").contains("concepts.yaml:2");

        Path log = tmp.resolve("log\u001b[2J.csv");
        Files.writeString(log, "order_id,skill_name,correct,user_id\n1,\"sk" + OSC + "\",1,u\n2,sk,x" + CSI + ",u\n");
        Cli.Run fit = Cli.run("kt", "fit", "--format", "pybkt", "--data", log.toString(), "--out", tmp.resolve("p.json").toString());
        assertThat(fit.exit()).isEqualTo(1);
        assertSafe(fit, "kt fit of a log with escapes", 10_000);
        assertThat(fit.err()).contains(":3: correct must be 0 or 1");
    }

    @Test
    void escapesInALogNeverReachTheTerminalFromFitOrEval() throws IOException {
        Path log = tmp.resolve("ok\u001b]0;t\u0007.csv");
        StringBuilder sb = new StringBuilder("order_id,skill_name,correct,user_id\n");
        for (int i = 0; i < 40; i++) sb.append(i).append(",\"s").append(OSC).append(i % 3).append("\",").append(i % 2).append(",u").append(i % 4).append('\n');
        Files.writeString(log, sb.toString());
        Cli.Run fit = Cli.run("kt", "fit", "--format", "pybkt", "--data", log.toString(), "--out", tmp.resolve("p\u001b[2J.json").toString(),
                "--restarts", "1", "--threads", "1");
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertSafe(fit, "kt fit", 10_000);
        Cli.Run eval = Cli.run("kt", "eval", "--format", "pybkt", "--train", log.toString(), "--test", log.toString(),
                "--restarts", "1", "--threads", "1");
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertSafe(eval, "kt eval", 10_000);
    }

    @Test
    void nonUtf8BytesAreLocatedErrorsEverywhere() throws IOException {
        Path pack = escapingPack(tmp.resolve("latin1"));
        byte[] latin1 = "concepts:\n  - id: a\n    name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(pack.resolve("concepts.yaml"), latin1);
        Cli.Run run = Cli.run("course", "validate", pack.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertSafe(run, "validate latin-1", 10_000);
        assertThat(run.err()).contains("concepts.yaml:3: file is not valid UTF-8");

        Path dkt = tmp.resolve("l.csv");
        Files.write(dkt, "2\n1,caf\u00e9\n0,1\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Run fit = Cli.run("kt", "fit", "--format", "dkt", "--data", dkt.toString(), "--out", tmp.resolve("p.json").toString());
        assertThat(fit.exit()).isEqualTo(1);
        assertSafe(fit, "kt fit latin-1", 10_000);
        assertThat(fit.err()).contains(dkt + ":2: not valid UTF-8");
    }

    // ---------------------------------------------------------------- packs that point outside their folder

    @Test
    void refusesEveryWayOutOfThePackFolder() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), "concepts:\n  - id: stolen\n    description: SECRET-CONTENT\n");
        Files.createDirectories(outside.resolve("items"));
        Files.writeString(outside.resolve("items/x.yaml"), "items: []\n");
        record Case(String name, String courseYaml, String link, Path target, String expected) {
        }
        List<Case> cases = List.of(
                new Case("dotdot", "id: p\nconcepts: ../outside/secret.yaml\n", null, null, "points outside the course pack folder"),
                new Case("dotdot-hidden", "id: p\nconcepts: sub/../../outside/secret.yaml\n", null, null, "points outside the course pack folder"),
                new Case("absolute", "id: p\nconcepts: " + outside.resolve("secret.yaml") + "\n", null, null, "points outside the course pack folder"),
                new Case("items-dotdot", "id: p\nitems: [../outside/items]\n", null, null, "points outside the course pack folder"),
                new Case("link-concepts", "id: p\nconcepts: c.yaml\n", "c.yaml", outside.resolve("secret.yaml"), "link to outside"),
                new Case("link-default-concepts", "id: p\n", "concepts.yaml", outside.resolve("secret.yaml"), "link to outside"),
                new Case("link-items-folder", "id: p\n", "items", outside.resolve("items"), "link to outside"),
                new Case("link-item-file", "id: p\n", "items/evil.yaml", outside.resolve("items/x.yaml"), "link to outside"),
                new Case("link-course-file", null, "course.yaml", outside.resolve("secret.yaml"), "link to outside"),
                new Case("dev-zero", "id: p\nconcepts: z.yaml\n", "z.yaml", Path.of("/dev/zero"), "link to outside"));
        for (Case c : cases) {
            Path pack = Files.createDirectories(tmp.resolve("packs").resolve(c.name()));
            Files.createDirectories(pack.resolve("items"));
            if (c.courseYaml() != null) Files.writeString(pack.resolve("course.yaml"), c.courseYaml());
            boolean conceptsCase = c.name().contains("concepts") || c.courseYaml() == null || c.courseYaml().contains("concepts:");
            if (!conceptsCase) {
                Files.writeString(pack.resolve("concepts.yaml"), "concepts:\n  - id: a\n");
            }
            if (c.link() != null) {
                Path link = pack.resolve(c.link());
                if (Files.isDirectory(link)) Files.delete(link);
                Files.createSymbolicLink(link, c.target());
            }
            Cli.Run run = Cli.run("course", "validate", pack.toString());
            assertThat(run.exit()).as(c.name() + ": " + run.err() + run.out()).isEqualTo(1);
            assertThat(run.err()).as(c.name()).contains(c.expected()).doesNotContain("SECRET-CONTENT").doesNotContain("stolen");
            assertSafe(run, c.name(), 5_000);
        }
        System.out.printf("packs pointing outside their folder: %d ways (../, hidden ../, absolute, links to files, folders,"
                + " /dev/zero), all refused%n", cases.size());
    }
}
