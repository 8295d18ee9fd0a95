package org.tutorgraph.prompts.tournament;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TournamentTest {

    private static final Pattern REPLY = Pattern.compile("Reply ([AB]):\\n<<<\\n(.*?)\\n>>>", Pattern.DOTALL);
    private static final List<String> QUALITY = List.of("poor", "fair", "good");

    /** A variant folder whose system template adds a style marker the scripted tutor reacts to. */
    static Tournament.Variant variant(Path root, String name, String style) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("tutor-system.md"), "---\nname: tutor-system\npurpose: test variant\nagent: tutor\nrole: system\n"
                + "variables:\n  language: the course language\n---\nYou are a tutor. STYLE=" + style + ". Write in {{language}}.\n");
        return new Tournament.Variant(name, PromptLibrary.withOverrides(dir));
    }

    /** The tutor answers with its style's quality word; it never repeats the variant's name. */
    static String tutor(String system, String user) {
        Matcher m = Pattern.compile("STYLE=(\\w+)").matcher(system);
        String style = m.find() ? m.group(1) : "none";
        return "A " + style + " hint about the question.";
    }

    /** Judges prefer good > fair > poor on every criterion except no-answer, where they see no difference. */
    static String judge(String system, String user) {
        Matcher m = REPLY.matcher(user);
        int[] q = new int[2];
        while (m.find()) {
            int idx = m.group(1).equals("A") ? 0 : 1;
            for (int i = 0; i < QUALITY.size(); i++) if (m.group(2).contains(" " + QUALITY.get(i) + " ")) q[idx] = i;
        }
        if (user.contains("NO ANSWER REVEALED") || q[0] == q[1]) return "{\"winner\": \"tie\", \"reason\": \"same\"}";
        return "Here is my verdict:\n```json\n{\"winner\": \"" + (q[0] > q[1] ? "A" : "B") + "\", \"reason\": \"better\"}\n```";
    }

    static List<TournamentCase> cases(int n) {
        return CourseCases.fromCourse(BundledCourse.load(), n);
    }

    @Test
    void scriptedJudgesWithKnownPreferencesProduceTheExpectedRanking(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"), variant(tmp, "theta", "fair"));
        ScriptedChatModel tutorModel = new ScriptedChatModel(TournamentTest::tutor);
        ScriptedChatModel judgeModel = new ScriptedChatModel(TournamentTest::judge);
        Tournament.Settings settings = new Tournament.Settings(PromptRegistry.DEFAULT_CRITERIA, 2, 3, 42, 0.5);
        TournamentResult r = new Tournament(tutorModel, judgeModel, PromptLibrary.defaults(), settings, s -> { }).run(variants, cases(6));

        assertThat(r.ranking()).containsExactly("eta", "theta", "zeta");
        assertThat(r.winProbability("eta", "zeta")).isGreaterThan(0.9);
        assertThat(r.winProbability("eta", "theta")).isGreaterThan(0.5);
        assertThat(r.standing("eta").rating().deviation()).isLessThan(350);
        // 6 cases x 3 pairs x 4 criteria x 2 judges
        assertThat(r.verdicts()).hasSize(144);
        assertThat(r.invalidVerdicts()).isZero();
        assertThat(r.rounds()).isEqualTo(3);
        assertThat(r.byCriterion().get("format")).map(Standing::variant).containsExactly("eta", "theta", "zeta");
        assertThat(r.byCriterion().get("no-answer")).allSatisfy(s -> {
            assertThat(s.rating().rating()).isEqualTo(1500.0);
            assertThat(s.ties()).isEqualTo(24);
        });
        assertThat(tutorModel.userTexts).hasSize(18);
    }

    @Test
    void judgesNeverSeeVariantNamesAndSeeBothOrders(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel judgeModel = new ScriptedChatModel(TournamentTest::judge);
        TournamentResult r = new Tournament(new ScriptedChatModel(TournamentTest::tutor), judgeModel, PromptLibrary.defaults(),
                new Tournament.Settings(List.of("format"), 3, 1, 7, 0.5), s -> { }).run(variants, cases(8));
        assertThat(judgeModel.userTexts).hasSize(24).noneMatch(t -> t.contains("zeta") || t.contains("eta "));
        assertThat(r.verdicts()).anyMatch(v -> v.shownA().equals("zeta")).anyMatch(v -> v.shownA().equals("eta"));
        assertThat(r.verdicts()).allMatch(v -> v.winner().equals("eta"));
        assertThat(judgeModel.userTexts).anyMatch(t -> t.contains("You are " + Tournament.PERSONAS.get(2) + "."));
    }

    @Test
    void aJudgeThatAlwaysPicksTheFirstReplyCannotSeparateTheVariantsBecauseTheOrderIsRandom(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel firstPicker = new ScriptedChatModel((s, u) -> "{\"winner\":\"A\",\"reason\":\"first\"}");
        TournamentResult r = new Tournament(new ScriptedChatModel(TournamentTest::tutor), firstPicker, PromptLibrary.defaults(),
                new Tournament.Settings(PromptRegistry.DEFAULT_CRITERIA, 4, 2, 3, 0.5), s -> { }).run(variants, cases(10));
        int[] wtl = r.record("eta", "zeta");
        assertThat(wtl[0] + wtl[2]).isEqualTo(160);
        assertThat(wtl[0]).isBetween(60, 100);
        assertThat(r.winProbability("eta", "zeta")).isBetween(0.35, 0.65);
    }

    @Test
    void unreadableJudgeAnswersAreCountedNotGuessed(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel rambler = new ScriptedChatModel((s, u) -> "Both replies have merit.");
        TournamentResult r = new Tournament(new ScriptedChatModel(TournamentTest::tutor), rambler, PromptLibrary.defaults(),
                new Tournament.Settings(List.of("format"), 1, 1, 1, 0.5), s -> { }).run(variants, cases(3));
        assertThat(r.invalidVerdicts()).isEqualTo(3);
        assertThat(r.overall()).allSatisfy(s -> assertThat(s.games()).isZero());
        assertThat(r.verdicts().get(0).reason()).isEqualTo("unreadable judge answer: Both replies have merit.");
    }

    @Test
    void refusesACriterionWithoutJudgeTemplateAndDuplicateVariantNames(@TempDir Path tmp) throws Exception {
        Tournament.Variant a = variant(tmp, "zeta", "poor");
        Tournament.Variant b = variant(tmp, "eta", "good");
        ScriptedChatModel m = new ScriptedChatModel(TournamentTest::tutor);
        assertThatThrownBy(() -> new Tournament(m, m, PromptLibrary.defaults(),
                new Tournament.Settings(List.of("humour"), 1, 1, 1, 0.5), s -> { }).run(List.of(a, b), cases(2)))
                .hasMessageContaining("no judge template for criterion 'humour': add judge-humour.md");
        assertThatThrownBy(() -> new Tournament(m, m, PromptLibrary.defaults(), Tournament.Settings.defaults(), s -> { })
                .run(List.of(a, new Tournament.Variant("zeta", b.library())), cases(2)))
                .hasMessageContaining("two variants are called 'zeta'");
    }

    @Test
    void reportWritesMarkdownAndCsvFiles(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        TournamentResult r = new Tournament(new ScriptedChatModel(TournamentTest::tutor), new ScriptedChatModel(TournamentTest::judge),
                PromptLibrary.defaults(), new Tournament.Settings(List.of("format", "no-answer"), 1, 2, 1, 0.5), s -> { }).run(variants, cases(4));
        Path out = tmp.resolve("out");
        TournamentReport.write(r, out, "Prompt tournament");
        for (String f : TournamentReport.FILES) assertThat(out.resolve(f)).exists();
        assertThat(Files.readAllLines(out.resolve("ratings.csv")).get(1)).startsWith("1,eta,");
        assertThat(Files.readString(out.resolve("pairwise.csv"))).contains("eta,zeta,0.");
        assertThat(Files.readAllLines(out.resolve("verdicts.csv"))).hasSize(1 + 4 * 2);
        assertThat(Files.readString(out.resolve("report.md"))).contains("| 1 | eta |").contains("## Pairwise win probabilities");
        String table = TournamentReport.terminal(r);
        assertThat(table).contains("rank  variant").contains("P(row beats column)").contains("no-answer");
    }
}
