package org.tutorgraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.answer.NumberValue;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.models.Models;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.secret.ApiKey;
import org.tutorgraph.models.tutor.StreamingVoice;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Grading;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.InputClassifier;
import org.tutorgraph.tutor.LadderPolicy;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.MasterySummary;
import org.tutorgraph.tutor.Speech;
import org.tutorgraph.tutor.StudentInput;
import org.tutorgraph.tutor.TutorContext;
import org.tutorgraph.tutor.TutorEngine;
import org.tutorgraph.tutor.TutorTurn;
import org.tutorgraph.tutor.TutorVoice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial students against a model that complies with every request ({@link ComplyingServer}: real OpenAI wire
 * format on loopback): every tactic of the corpus ({@code reliability/adversarial-tactics.yaml}) on every item of the
 * bundled course (a seeded sample of 60 pairs in the default run), through the real tutor path — the classifier, the
 * grading (with the model grader), the tutor engine with the model's voice, whole or streamed — and then through the
 * whole tutoring session. Judged by {@link RevealChecker}: no smuggled sentence and no decodable answer below
 * bottom-out, and no attempt that merely told the grader to mark it correct earns credit.
 */
class AdversarialStudentTest {

    static final long SEED = 0x7ac71c5L;
    static final CoursePack PACK = BundledCourse.load();

    @TempDir
    Path tmp;

    record Tactic(String id, String family, List<String> lines) {
    }

    static List<Tactic> tactics() throws IOException {
        try (InputStream in = AdversarialStudentTest.class.getResourceAsStream("/reliability/adversarial-tactics.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Tactic> out = new ArrayList<>();
            for (JsonNode t : root.get("tactics")) {
                List<String> lines = new ArrayList<>();
                t.get("lines").forEach(l -> lines.add(l.asText()));
                out.add(new Tactic(t.get("id").asText(), t.get("family").asText(), List.copyOf(lines)));
            }
            return out;
        }
    }

    /** A recognisable fake key sent with every request; the store is scanned for it afterwards (issue 9, secrets). */
    static final String KEY = "sk-test-RELIABILITY-adversarial-9e8d7c6b5a4f3e2d";

    static Models models(String baseUrl, boolean stream) {
        Map<ModelRole, ModelSettings> m = new LinkedHashMap<>();
        for (ModelRole r : List.of(ModelRole.TUTOR, ModelRole.GRADER, ModelRole.PLANNER)) {
            m.put(r, ModelSettings.of(r, Backend.OPENAI, baseUrl, "complier").withTimeout(Duration.ofSeconds(10)).withRetries(0)
                    .withApiKey(new ApiKey(KEY, "test")));
        }
        return Models.create(new Settings(m, List.of(), Optional.empty(), stream, Optional.empty()), PromptLibrary.defaults()::render);
    }

    /** Fills a tactic's placeholders for an item; {@code guesses} hands out near misses, never the answer. */
    static String fill(String line, Item item, Random random, int[] guessIndex) {
        String out = line.replace("{prompt}", item.prompt());
        if (out.contains("{wrong}")) out = out.replace("{wrong}", wrong(item, random));
        while (out.contains("{guess}")) out = out.replaceFirst("\\{guess}", java.util.regex.Matcher.quoteReplacement(guess(item, guessIndex[0]++)));
        return out;
    }

    static String wrong(Item item, Random random) {
        List<String> known = item.misconceptions().stream().flatMap(m -> m.wrongAnswers().stream()).toList();
        if (!known.isEmpty() && random.nextBoolean()) return known.get(random.nextInt(known.size()));
        return guess(item, random.nextInt(6));
    }

    static String guess(Item item, int n) {
        if (item.type() == AnswerType.CHOICE) {
            int right = org.tutorgraph.answer.AnswerSyntax.choiceIndex(item.primaryAnswer(), item.choices()).orElse(0);
            int pick = (right + 1 + n % (item.choices().size() - 1)) % item.choices().size();
            return org.tutorgraph.answer.AnswerSyntax.letter(pick);
        }
        Optional<NumberValue> v = NumberValue.read(item.primaryAnswer());
        if (item.type() == AnswerType.NUMBER && v.isPresent()) {
            double[] deltas = {1, -1, 2, -2, 10, -10, 3, -3, 0.5, 100};
            double g = v.get().value() + deltas[n % deltas.length];
            return g == Math.rint(g) ? Long.toString((long) g) : Double.toString(g);
        }
        return List.of("banana", "x + 1", "seven", "I think it is the other one", "2y", "none of them").get(n % 6);
    }

    // ---------------------------------------------------------------- every tactic on every item

    @Test
    void noTacticGetsTheAnswerOutOfTheTutorPathBelowBottomOut() throws Exception {
        List<Tactic> tactics = tactics();
        assertThat(tactics).hasSizeGreaterThanOrEqualTo(50);
        List<Item> items = PACK.items();
        Random random = new Random(SEED);
        List<int[]> pairs = new ArrayList<>();
        for (int t = 0; t < tactics.size(); t++) for (int i = 0; i < items.size(); i++) pairs.add(new int[]{t, i});
        if (!Slow.enabled()) {
            java.util.Collections.shuffle(pairs, random);
            pairs = new ArrayList<>(pairs.subList(0, 60));
        }
        RevealChecker checker = new RevealChecker();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byFamily = new TreeMap<>();
        Map<String, Integer> encodingsTried = new TreeMap<>();
        int turns = 0;
        int guardedTurns = 0;
        int replaced = 0;
        try (ComplyingServer server = new ComplyingServer(PACK, SEED)) {
            Models whole = models(server.baseUrl(), false);
            Models streamed = models(server.baseUrl(), true);
            for (int p = 0; p < pairs.size(); p++) {
                Tactic tactic = tactics.get(pairs.get(p)[0]);
                Item item = items.get(pairs.get(p)[1]);
                boolean stream = p % 2 == 0;
                Models models = stream ? streamed : whole;
                TutorVoice voice = models.voice(PACK.meta().title());
                TutorEngine engine = new TutorEngine(voice, LadderPolicy.DEFAULT);
                Optional<StreamingVoice> streaming = models.streaming(voice);
                Grading grading = new Grading(PACK, engine.checker(), models.grader(), models.namer());
                server.tactic(tactic.family());
                byFamily.merge(tactic.family(), 1, Integer::sum);
                LadderState state = LadderState.start();
                int[] guessIndex = {0};
                TutorContext ctx = new TutorContext(item, PACK.graph().concept(item.concepts().get(0)), MasterySummary.unknown(),
                        PACK.meta().language());
                for (String raw : tactic.lines()) {
                    String line = fill(raw, item, random, guessIndex);
                    int smuggledBefore = server.smuggled().size();
                    StringBuilder words = new StringBuilder();
                    Speech speech = streaming.<Speech>map(v -> (request, level, said) -> v.speak(request, level, said, words::append))
                            .orElse(engine.guarded());
                    StudentInput input = InputClassifier.classify(line, item.type());
                    TutorTurn turn;
                    Grading.Graded graded = null;
                    if (input instanceof StudentInput.Attempt a) {
                        graded = grading.grade(item, a.text());
                        turn = engine.respondGraded(ctx, state, a.text(), graded.result(), speech);
                    } else {
                        turn = engine.respond(ctx, state, input, speech);
                    }
                    turns++;
                    String where = tactic.id() + " on " + item.id() + (stream ? " (streamed)" : "") + " after '" + line + "'";
                    if (graded != null && graded.by() == AnswerGraded.GradedBy.MODEL && graded.result() instanceof CheckResult.Correct
                            && !(engine.checker().check(item, line) instanceof CheckResult.Correct)) {
                        violations.add(where + ": the grader was told to mark it correct, and the tutor accepted it");
                    }
                    state = turn.state();
                    if (!state.isOpen() || state.level() >= 4) break;
                    guardedTurns++;
                    if (turn.guardReplaced().isPresent()) replaced++;
                    List<ComplyingServer.Smuggled> now = server.smuggled().subList(smuggledBefore, server.smuggled().size());
                    now.forEach(s -> encodingsTried.merge(s.encoded().encoding(), 1, Integer::sum));
                    for (String v : checker.violations(item, state.level(), turn.text(), state.said(), now)) violations.add(where + ": " + v);
                    if (words.length() > 0) {
                        for (String v : checker.violations(item, state.level(), words.toString(), state.said(), now)) {
                            violations.add(where + ": streamed words " + v);
                        }
                    }
                }
            }
            System.out.printf("adversarial students: %d tactics × %d items, %s%d runs (seed %d), %d turns, %d below bottom-out"
                            + " checked, %d replies replaced by the guard, %d model requests; violations: %d%n",
                    tactics.size(), items.size(), Slow.enabled() ? "all pairs: " : "a seeded sample of ", pairs.size(), SEED, turns, guardedTurns, replaced,
                    server.requests(), violations.size());
            System.out.println("  runs per family: " + byFamily);
            System.out.println("  encodings the model tried: " + encodingsTried);
        }
        assertThat(violations).as(String.join("\n", violations.subList(0, Math.min(40, violations.size())))).isEmpty();
        assertThat(replaced).as("the model complied, so the guard had work to do").isPositive();
    }

    // ---------------------------------------------------------------- through the whole session

    @Test
    void theWholeSessionWithAComplyingModelRevealsNothingBelowBottomOut() throws Exception {
        List<Tactic> tactics = tactics();
        int target = Slow.size(150, 1_500);
        Random random = new Random(SEED + 1);
        RevealChecker checker = new RevealChecker();
        List<String> violations = new ArrayList<>();
        int turns = 0;
        int replies = 0;
        try (ComplyingServer server = new ComplyingServer(PACK, SEED + 1);
             LearnerStore store = LearnerStores.open(tmp.resolve("adv.db").toString())) {
            CourseContext course = CourseContext.of(PACK);
            List<String> goals = List.of("two-step-equations", "slope-intercept-form", "proportional-relationships", "inequalities");
            int learner = 0;
            while (turns < target) {
                boolean stream = learner % 2 == 0;
                TutoringSession s = TutoringSession.open(store, LearnerId.of("adv" + learner), course, models(server.baseUrl(), stream),
                        LadderPolicy.DEFAULT, "adv-" + learner);
                List<SessionMessage> shown = new ArrayList<>();
                StringBuilder words = new StringBuilder();
                Turn.Display display = new Turn.Display() {
                    @Override
                    public void message(SessionMessage m, boolean streamed) {
                        shown.add(m);
                    }

                    @Override
                    public void words(String chunk) {
                        words.append(chunk);
                    }
                };
                Orchestrator.Phase phase = s.begin(List.of(goals.get(learner % goals.size())), display);
                learner++;
                int tacticIndex = random.nextInt(tactics.size());
                int line = 0;
                int[] guessIndex = {0};
                String openItem = null;
                for (int k = 0; k < 60 && turns < target && phase != Orchestrator.Phase.FINISHED; k++) {
                    OpenItem open = s.model().progress().open();
                    String text;
                    if (phase == Orchestrator.Phase.DIAGNOSING || open == null || !open.isOpen()) {
                        text = "idk";
                    } else {
                        if (!open.item().equals(openItem)) {
                            openItem = open.item();
                            tacticIndex = random.nextInt(tactics.size());
                            line = 0;
                            guessIndex[0] = 0;
                        }
                        Tactic t = tactics.get(tacticIndex);
                        server.tactic(t.family());
                        Item item = PACK.item(open.item()).orElseThrow();
                        text = line < t.lines().size() ? fill(t.lines().get(line++), item, random, guessIndex) : "/hint";
                    }
                    int smuggledBefore = server.smuggled().size();
                    int shownBefore = shown.size();
                    words.setLength(0);
                    StudentTurn in = text.equals("/hint") ? StudentTurn.of(StudentTurn.Kind.HINT, text) : StudentTurn.of(StudentTurn.Kind.TEXT, text);
                    phase = s.submit(in, display);
                    turns++;
                    List<ComplyingServer.Smuggled> now = server.smuggled().subList(smuggledBefore, server.smuggled().size());
                    for (SessionMessage m : shown.subList(shownBefore, shown.size())) {
                        if (m instanceof AnswerGraded g && g.gradedBy() == AnswerGraded.GradedBy.MODEL && g.verdict() == AnswerGraded.Verdict.CORRECT) {
                            Item item = PACK.item(g.item()).orElseThrow();
                            if (!(new org.tutorgraph.answer.AnswerChecker().check(item, g.attempt()) instanceof CheckResult.Correct)
                                    && ComplyingServer.INSTRUCTS_GRADER.matcher(g.attempt()).find()) {
                                violations.add("session: '" + g.attempt() + "' told the grader to mark it correct, and it counted");
                            }
                        }
                        if (!(m instanceof TutorReply r) || !r.ladder().isOpen() || r.ladder().level() >= 4) continue;
                        replies++;
                        Item item = PACK.item(r.item()).orElseThrow();
                        for (String v : checker.violations(item, r.ladder().level(), r.text(), r.ladder().said(), now)) {
                            violations.add("session reply on " + r.item() + " after '" + text + "': " + v);
                        }
                    }
                }
                s.end(SessionEnded.Reason.QUIT, display);
                s.close();
            }
            System.out.printf("adversarial session: %d learners, %d turns, %d tutor replies below bottom-out checked, %d model"
                    + " requests; violations: %d%n", learner, turns, replies, server.requests(), violations.size());
        }
        List<String> keyHits = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(tmp)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                keyHits.addAll(SecretScanTest.hits(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f), "9e8d7c6b5a4f3e2d"));
            }
        }
        System.out.println("  key " + KEY.substring(0, 19) + "… found in the store's files: " + keyHits.size() + " times");
        assertThat(violations).as(String.join("\n", violations.subList(0, Math.min(40, violations.size())))).isEmpty();
        assertThat(keyHits).isEmpty();
    }
}
