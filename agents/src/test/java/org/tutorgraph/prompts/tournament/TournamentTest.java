package org.tutorgraph.prompts.tournament;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.testing.ManualClock;
import org.tutorgraph.models.testing.ScriptedChatModel;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
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

    /** A scripted model answering with {@code script(system text, user text)}. */
    static ScriptedChatModel scripted(BiFunction<String, String, String> script) {
        return new ScriptedChatModel().thenAnswer(req -> script.apply(ScriptedChatModel.systemText(req), ScriptedChatModel.lastUserText(req)));
    }

    /**
     * The gateway every tournament call goes through, around a scripted model. Time is a manual clock: backoffs and
     * waiting for the circuit breaker advance it instead of sleeping.
     */
    static ModelGateway gateway(ModelRole role, ScriptedChatModel model) {
        ManualClock clock = new ManualClock();
        return new ModelGateway(ModelSettings.of(role, Backend.OPENAI, "http://127.0.0.1:9/v1", "scripted"), model, null,
                new CircuitBreaker(CircuitBreaker.DEFAULT_THRESHOLD, CircuitBreaker.DEFAULT_COOLDOWN, clock), new UsageMeter(),
                clock::advance);
    }

    static Tournament tournament(ScriptedChatModel tutor, ScriptedChatModel judge, Tournament.Settings settings) {
        return new Tournament(gateway(ModelRole.TUTOR, tutor), gateway(ModelRole.JUDGE, judge), PromptLibrary.defaults(), settings, s -> { });
    }

    static List<String> userTexts(ScriptedChatModel m) {
        return m.requests().stream().map(ScriptedChatModel::lastUserText).toList();
    }

    @Test
    void scriptedJudgesWithKnownPreferencesProduceTheExpectedRanking(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"), variant(tmp, "theta", "fair"));
        ScriptedChatModel tutorModel = scripted(TournamentTest::tutor);
        ScriptedChatModel judgeModel = scripted(TournamentTest::judge);
        Tournament.Settings settings = new Tournament.Settings(PromptRegistry.DEFAULT_CRITERIA, 2, 3, 42, 0.5);
        TournamentResult r = tournament(tutorModel, judgeModel, settings).run(variants, cases(6));

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
        assertThat(tutorModel.requests()).hasSize(18);
        assertThat(r.failedOutputs() + r.failedVerdicts() + r.notJudged()).isZero();
    }

    @Test
    void judgesNeverSeeVariantNamesAndSeeBothOrders(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel judgeModel = scripted(TournamentTest::judge);
        TournamentResult r = tournament(scripted(TournamentTest::tutor), judgeModel,
                new Tournament.Settings(List.of("format"), 3, 1, 7, 0.5)).run(variants, cases(8));
        assertThat(userTexts(judgeModel)).hasSize(24).noneMatch(t -> t.contains("zeta") || t.contains("eta "));
        assertThat(r.verdicts()).anyMatch(v -> v.shownA().equals("zeta")).anyMatch(v -> v.shownA().equals("eta"));
        assertThat(r.verdicts()).allMatch(v -> v.winner().equals("eta"));
        assertThat(userTexts(judgeModel)).anyMatch(t -> t.contains("You are " + Tournament.PERSONAS.get(2) + "."));
    }

    @Test
    void aJudgeThatAlwaysPicksTheFirstReplyCannotSeparateTheVariantsBecauseTheOrderIsRandom(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel firstPicker = ScriptedChatModel.replying("{\"winner\":\"A\",\"reason\":\"first\"}");
        TournamentResult r = tournament(scripted(TournamentTest::tutor), firstPicker,
                new Tournament.Settings(PromptRegistry.DEFAULT_CRITERIA, 4, 2, 3, 0.5)).run(variants, cases(10));
        int[] wtl = r.record("eta", "zeta");
        assertThat(wtl[0] + wtl[2]).isEqualTo(160);
        assertThat(wtl[0]).isBetween(60, 100);
        assertThat(r.winProbability("eta", "zeta")).isBetween(0.35, 0.65);
    }

    @Test
    void unreadableJudgeAnswersAreCountedNotGuessed(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel rambler = ScriptedChatModel.replying("Both replies have merit.");
        TournamentResult r = tournament(scripted(TournamentTest::tutor), rambler,
                new Tournament.Settings(List.of("format"), 1, 1, 1, 0.5)).run(variants, cases(3));
        assertThat(r.invalidVerdicts()).isEqualTo(3);
        assertThat(r.overall()).allSatisfy(s -> assertThat(s.games()).isZero());
        assertThat(r.verdicts().get(0).reason()).isEqualTo("unreadable judge answer: Both replies have merit.");
    }

    @Test
    void refusesACriterionWithoutJudgeTemplateAndDuplicateVariantNames(@TempDir Path tmp) throws Exception {
        Tournament.Variant a = variant(tmp, "zeta", "poor");
        Tournament.Variant b = variant(tmp, "eta", "good");
        ScriptedChatModel m = scripted(TournamentTest::tutor);
        assertThatThrownBy(() -> tournament(m, m, new Tournament.Settings(List.of("humour"), 1, 1, 1, 0.5)).run(List.of(a, b), cases(2)))
                .hasMessageContaining("no judge template for criterion 'humour': add judge-humour.md");
        assertThatThrownBy(() -> tournament(m, m, Tournament.Settings.defaults())
                .run(List.of(a, new Tournament.Variant("zeta", b.library())), cases(2)))
                .hasMessageContaining("two variants are called 'zeta'");
    }

    @Test
    void reportWritesMarkdownAndCsvFiles(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        TournamentResult r = tournament(scripted(TournamentTest::tutor), scripted(TournamentTest::judge),
                new Tournament.Settings(List.of("format", "no-answer"), 1, 2, 1, 0.5)).run(variants, cases(4));
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

    @Test
    void aFailedGenerationLeavesItsComparisonsUnjudgedAndTheTournamentCarriesOn(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"), variant(tmp, "theta", "fair"));
        // The second generation (case 1, variant eta) fails with a 500, retried once (the gateway's default) and failing again.
        ScriptedChatModel tutorModel = new ScriptedChatModel();
        tutorModel.thenAnswer(req -> tutor(ScriptedChatModel.systemText(req), ""));
        tutorModel.thenFail(new InternalServerException("overloaded")).thenFail(new InternalServerException("overloaded"));
        tutorModel.thenAnswer(req -> tutor(ScriptedChatModel.systemText(req), ""));
        List<String> progress = new java.util.ArrayList<>();
        TournamentResult r = new Tournament(gateway(ModelRole.TUTOR, tutorModel), gateway(ModelRole.JUDGE, scripted(TournamentTest::judge)),
                PromptLibrary.defaults(), new Tournament.Settings(List.of("format"), 1, 1, 5, 0.5), progress::add).run(variants, cases(3));

        assertThat(r.failedOutputs()).isEqualTo(1);
        TournamentResult.Output missing = r.outputs().stream().filter(TournamentResult.Output::failed).findFirst().orElseThrow();
        assertThat(missing.variant()).isEqualTo("eta");
        assertThat(missing.failure()).startsWith("tutor model (openai http://127.0.0.1:9/v1): server-error");
        // eta's two comparisons on that case are not judged; the other 7 are, and eta still wins every game it plays.
        assertThat(r.notJudged()).isEqualTo(2);
        assertThat(r.verdicts()).filteredOn(v -> v.winner().equals(Verdict.NOT_JUDGED))
                .allSatisfy(v -> assertThat(v.caseId()).isEqualTo(missing.caseId()));
        assertThat(r.games()).isEqualTo(7);
        assertThat(r.standing("eta").losses()).isZero();
        assertThat(r.standing("eta").wins()).isEqualTo(4);
        assertThat(r.ranking()).containsExactly("eta", "theta", "zeta");
        assertThat(progress).anyMatch(l -> l.startsWith("tutor model (openai http://127.0.0.1:9/v1): server-error"));
        assertThat(TournamentReport.failures(r)).isEqualTo("Model calls failed: 1 of 9 replies, 0 of 7 judgements. 2 comparisons were not judged: a reply was missing.");
    }

    @Test
    void aFailedJudgementIsRecordedAsFailedNotAsAWinOrLoss(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel judgeModel = new ScriptedChatModel();
        judgeModel.thenAnswer(req -> judge("", ScriptedChatModel.lastUserText(req)));
        judgeModel.thenFail(new RuntimeException(new java.net.SocketException("Connection reset")));
        judgeModel.thenFail(new RuntimeException(new java.net.SocketException("Connection reset")));
        judgeModel.thenAnswer(req -> judge("", ScriptedChatModel.lastUserText(req)));
        TournamentResult r = tournament(scripted(TournamentTest::tutor), judgeModel,
                new Tournament.Settings(List.of("format"), 1, 1, 2, 0.5)).run(variants, cases(4));
        assertThat(r.failedVerdicts()).isEqualTo(1);
        assertThat(r.verdicts()).filteredOn(v -> v.winner().equals(Verdict.FAILED)).singleElement()
                .satisfies(v -> assertThat(v.reason()).startsWith("judge model (openai http://127.0.0.1:9/v1): server-error"));
        assertThat(r.games()).isEqualTo(3);
        assertThat(r.record("eta", "zeta")).containsExactly(3, 0, 0);
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.role()).isEqualTo(ModelRole.JUDGE));
    }

    @Test
    void aServerThatGoesDownIsWaitedForOnceThenNotCalledAgain(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel failing = scripted(TournamentTest::tutor).thenFail(new RuntimeException(new java.net.ConnectException("Connection refused")));
        List<String> progress = new java.util.ArrayList<>();
        TournamentResult r = new Tournament(gateway(ModelRole.TUTOR, failing), gateway(ModelRole.JUDGE, scripted(TournamentTest::judge)),
                PromptLibrary.defaults(), new Tournament.Settings(List.of("format"), 1, 1, 1, 0.5), progress::add).run(variants, cases(4));
        // one answer; two refusals open the breaker; the next call waits out the cooldown, is refused again, and the tutor is given up
        assertThat(failing.requests()).hasSize(4);
        assertThat(r.failedOutputs()).isEqualTo(7);
        assertThat(r.notJudged()).isEqualTo(4);
        assertThat(progress).contains("the tutor model's server failed repeatedly: waiting for it before trying again")
                .anyMatch(l -> l.startsWith("the tutor model is not called again in this run: Is the server running at http://127.0.0.1:9/v1?"));
    }

    @Test
    void aServerThatNeverAnsweredIsGivenUpWithoutWaiting(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel down = new ScriptedChatModel().thenFail(new RuntimeException(new java.net.ConnectException("Connection refused")));
        List<String> progress = new java.util.ArrayList<>();
        TournamentResult r = new Tournament(gateway(ModelRole.TUTOR, down), gateway(ModelRole.JUDGE, scripted(TournamentTest::judge)),
                PromptLibrary.defaults(), new Tournament.Settings(List.of("format"), 1, 1, 1, 0.5), progress::add).run(variants, cases(4));
        assertThat(down.requests()).hasSize(2);
        assertThat(r.failedOutputs()).isEqualTo(8);
        assertThat(r.games()).isZero();
        assertThat(progress).noneMatch(l -> l.contains("waiting"));
        assertThat(r.failures()).extracting(f -> f.kind().key()).as("the open breaker reports what the server failed with").containsExactly("unreachable");
    }

    @Test
    void aRejectedKeyStopsCallingThatModelAndEveryCallIsCountedAsFailed(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel refusing = new ScriptedChatModel().thenFail(new AuthenticationException("Incorrect API key provided"));
        TournamentResult r = tournament(scripted(TournamentTest::tutor), refusing,
                new Tournament.Settings(List.of("format", "no-answer"), 2, 1, 3, 0.5)).run(variants, cases(3));
        assertThat(refusing.requests()).as("called once, then no more").hasSize(1);
        assertThat(r.failedVerdicts()).isEqualTo(12);
        assertThat(r.games()).isZero();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.kind().key()).isEqualTo("unauthorized"));
        assertThat(TournamentReport.failureDetails(r)).singleElement().satisfies(l -> assertThat(l).contains("Fix: No API key was sent"));
    }

    @Test
    void theTemperatureGoesWithEveryCall(@TempDir Path tmp) throws Exception {
        List<Tournament.Variant> variants = List.of(variant(tmp, "zeta", "poor"), variant(tmp, "eta", "good"));
        ScriptedChatModel tutorModel = scripted(TournamentTest::tutor);
        ScriptedChatModel judgeModel = scripted(TournamentTest::judge);
        tournament(tutorModel, judgeModel, new Tournament.Settings(List.of("format"), 1, 1, 1, 0.5, 0.2)).run(variants, cases(2));
        assertThat(tutorModel.requests()).extracting(ChatRequest::temperature).containsOnly(0.2);
        assertThat(judgeModel.requests()).extracting(ChatRequest::temperature).containsOnly(0.2);
    }
}
