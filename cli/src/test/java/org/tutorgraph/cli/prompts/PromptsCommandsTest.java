package org.tutorgraph.cli.prompts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptsCommandsTest {

    static final Path VARIANTS = TournamentTest.VARIANTS;

    @Test
    void listShowsEveryTemplateWithItsSourceAndOverridesByPath() {
        Cli.Run r = Cli.run("prompts", "list", "--prompts", VARIANTS.resolve("teller").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("tutor-orient +- +tutor +orient +default +Phrase rung 1")
                .containsPattern("tutor-probe +- +tutor +probe +" + Pattern.quote(VARIANTS.resolve("teller/tutor-probe.md").toString()))
                .containsPattern("tutor-probe +fr +tutor +probe +default");
    }

    @Test
    void showPrintsTheFileAndRenderTheExactModelText() {
        Cli.Run show = Cli.run("prompts", "show", "tutor-probe", "--language", "fr");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).startsWith("---\nname: tutor-probe\n").contains("language: fr");
        Cli.Run render = Cli.run("prompts", "render", "tutor-probe", "--set", "attempt=-19");
        assertThat(render.exit()).isZero();
        assertThat(render.out()).contains("Their latest attempt: -19").contains("What is -7 + 12?").doesNotContain("{{");
        Cli.Run unknown = Cli.run("prompts", "render", "tutor-probe", "--set", "atempt=1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown variable 'atempt'").doesNotContain("Exception");
    }

    @Test
    void renderTakesASampleFile(@TempDir Path tmp) throws Exception {
        Path sample = tmp.resolve("sample.yaml");
        Files.writeString(sample, "item: What is 3/4 of 8?\nattempt: \"32/4\"\n");
        Cli.Run r = Cli.run("prompts", "render", "tutor-orient", "--sample", sample.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("What is 3/4 of 8?").contains("Their latest attempt: 32/4");
    }

    @Test
    void lintIsCleanOnTheShippedTemplatesAndFailsOnABrokenFolder(@TempDir Path tmp) throws Exception {
        Cli.Run clean = Cli.run("prompts", "lint");
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).isEqualTo("0 errors, 0 warnings\n");
        Files.writeString(tmp.resolve("tutor-scaffold.md"), "---\nname: tutor-scaffold\npurpose: x\nagent: tutor\nrung: scaffold\n"
                + "variables:\n  item: the question\n---\nShow {{item}} and then state the answer.\n");
        Cli.Run broken = Cli.run("prompts", "lint", tmp.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains(tmp.resolve("tutor-scaffold.md") + ":9: error: asks the model to reveal the answer below bottom-out")
                .endsWith("1 error, 0 warnings in " + tmp + "\n");
    }

    @Test
    void diffComparesAnOverrideWithTheShippedDefault() {
        Cli.Run r = Cli.run("prompts", "diff", "tutor-probe", "--prompts", VARIANTS.resolve("teller").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("--- default:org/tutorgraph/prompts/tutor-probe.md\n+++ " + VARIANTS.resolve("teller/tutor-probe.md"))
                .contains("\n-purpose: Phrase rung 2 (probe)").contains("\n+purpose: A probe that pushes hard (test variant).");
        Cli.Run same = Cli.run("prompts", "diff", "tutor-orient");
        assertThat(same.out()).contains("tutor-orient: not overridden");
    }

    @Test
    void varsPrintsTheRegistry() {
        Cli.Run r = Cli.run("prompts", "vars");
        assertThat(r.out()).contains("{{misconception}}").contains("SECRET: the item's answer")
                .containsPattern("tutor-bottom-out +tutor +bottom-out +.*answer");
        Cli.Run one = Cli.run("prompts", "vars", "--template", "plan-rationale");
        assertThat(one.out()).contains("{{plan}}").doesNotContain("{{replyA}}");
    }

    @Test
    void casesFromMathDialAndFromTheBundledCourse(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("md.yaml");
        Cli.Run md = Cli.run("prompts", "cases", "--from", "mathdial", "src/test/resources/cases/mathdial-sample.jsonl", "--out", out.toString(), "--limit", "0");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).contains("4 dialogues, 2 skipped").contains("wrote 2 cases");
        assertThat(Files.readString(out)).contains("id: mathdial-101").contains("rung: probe");
        Path course = tmp.resolve("course.yaml");
        Cli.Run c = Cli.run("prompts", "cases", "--from", "course", "--limit", "3", "--out", course.toString());
        assertThat(c.out()).contains("wrote 3 cases");
        Cli.Run missing = Cli.run("prompts", "cases", "--from", "mathdial", "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("needs the dialogue file");
    }

    @Test
    void tournamentAgainstARefusedConnectionIsAUserErrorSayingWhatToFix() {
        Cli.Run r = Cli.run(Map.of("HOME", "/nonexistent"), "prompts", "tournament", "--variants", "default," + VARIANTS.resolve("plain"),
                "--cases", "sample", "--judges", "1", "--base-url", "http://127.0.0.1:1/v1", "--model", "m", "--timeout", "5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tutor: no comparison could be made. Model calls failed: 32 of 32 replies")
                .contains("tutor model (openai http://127.0.0.1:1/v1): unreachable: connection refused Fix: Is the server running at http://127.0.0.1:1/v1?")
                .doesNotContain("internal error").doesNotContain("Exception");
    }

    private static final class Pattern {
        static String quote(String s) {
            return java.util.regex.Pattern.quote(s);
        }
    }
}
