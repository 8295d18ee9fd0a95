package org.tutorgraph.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.models.Models;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.Usage;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.secret.ApiKey;
import org.tutorgraph.models.testing.RandomFaultServer;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.ModelNotice;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.LadderPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tutoring sessions through the real orchestrator and SQLite store against a model server that fails at random
 * (seeded, {@link RandomFaultServer}: 500, 503, 429, 401, malformed JSON, too slow, trickling, streams cut before the
 * end, connection resets, empty replies) behind a proxy that is also down on a random eighth of the turns (refused
 * connections). Every model role (tutor, grader, planner) uses it, half the learners streamed. The contract: no turn
 * throws, every turn is answered, what the learner saw is exactly what the store holds (no message lost, none twice),
 * the log replays to the same learner model, and streamed words equal the recorded reply. It prints the turns, the faults
 * served by kind, the model calls, retries and fallbacks (by failure kind). 80 turns here, 1,000 with
 * {@code -Dtutorgraph.slow=true}.
 */
class ModelFaultSessionTest {

    static final long SEED = 0xfa17_5e55L;
    static final CoursePack PACK = BundledCourse.load();
    static final String KEY = "sk-test-RELIABILITY-faults-0123456789abcdef";

    @TempDir
    Path tmp;

    static Models models(String baseUrl, boolean stream) {
        Map<ModelRole, ModelSettings> m = new EnumMap<>(ModelRole.class);
        for (ModelRole r : List.of(ModelRole.TUTOR, ModelRole.GRADER, ModelRole.PLANNER)) {
            m.put(r, ModelSettings.of(r, Backend.OPENAI, baseUrl, "flaky").withTimeout(Duration.ofMillis(400)).withRetries(1)
                    .withApiKey(new ApiKey(KEY, "test")));
        }
        // the standard breaker stays open a minute after two failures; this one opens after four and closes after
        // 10 ms, so that the suite keeps calling the server (and meeting its faults) turn after turn, and still
        // meets the open breaker now and then
        return Models.create(new Settings(m, List.of(), Optional.empty(), stream, Optional.empty()), PromptLibrary.defaults()::render,
                () -> new CircuitBreaker(4, Duration.ofMillis(10), Clock.systemUTC()));
    }

    /** What the model answers when it answers well: a grading verdict, a misconception, or a hint. */
    static String answer(String body) {
        if (body.contains("You grade one answer")) return "{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"not it\"}";
        if (body.contains("Decide which known misconception")) return "{\"misconception\": \"none\", \"confidence\": \"low\", \"reason\": \"-\"}";
        return "Good thinking. What do you know already? Try the first step and tell me what you get.";
    }

    /** A screen that keeps every message shown and the words streamed for each reply. */
    static final class Screen implements Turn.Display {
        final List<SessionMessage> shown = new ArrayList<>();
        final List<String[]> streamed = new ArrayList<>(); // {words, recorded}
        StringBuilder words = new StringBuilder();

        @Override
        public void message(SessionMessage m, boolean streamedReply) {
            shown.add(m);
            if (m instanceof TutorReply r && streamedReply) {
                streamed.add(new String[]{words.toString(), r.text()});
                words = new StringBuilder();
            }
        }

        @Override
        public void words(String chunk) {
            words.append(chunk);
        }
    }

    @Test
    void everyTurnIsAnsweredAndNothingIsLostUnderRandomModelFaults() throws Exception {
        int target = Slow.size(80, 1_000);
        int perLearner = Slow.size(40, 80); // the default run still meets a whole and a streamed learner
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> shownTypes = new TreeMap<>();
        int turns = 0;
        int learners = 0;
        int notices = 0;
        int streamedReplies = 0;
        Usage usage = Usage.NONE;
        Map<String, Integer> fallbacks = new TreeMap<>();
        String path = tmp.resolve("faults.db").toString();
        try (RandomFaultServer server = new RandomFaultServer(SEED, 900, 10, ModelFaultSessionTest::answer);
             FlakyProxy proxy = new FlakyProxy(Integer.parseInt(server.baseUrl().replaceAll(".*:(\\d+)/v1$", "$1")));
             LearnerStore store = LearnerStores.open(path)) {
            CourseContext course = CourseContext.of(PACK);
            List<String> goals = List.of("two-step-equations", "integer-subtraction", "slope-intercept-form", "proportional-relationships");
            while (turns < target) {
                LearnerId who = LearnerId.of("faulty" + learners);
                boolean stream = learners % 2 == 1;
                Screen screen = new Screen();
                String session = "fault-" + learners;
                Models models = models(proxy.baseUrl(), stream);
                TutoringSession s = TutoringSession.open(store, who, course, models, LadderPolicy.DEFAULT, session);
                Orchestrator.Phase phase = s.begin(List.of(goals.get(learners % goals.size())), screen);
                learners++;
                int submitted = 0;
                for (int k = 0; k < perLearner && turns < target && phase != Orchestrator.Phase.FINISHED; k++) {
                    proxy.up(random.nextInt(8) != 0);
                    StudentTurn in = studentTurn(s, random);
                    int before = screen.shown.size();
                    try {
                        phase = s.submit(in, screen);
                    } catch (Throwable t) {
                        failures.add("turn " + turns + " (" + who + ", '" + in.text() + "') threw " + Failures.stackTrace(t));
                        break;
                    }
                    turns++;
                    submitted++;
                    List<SessionMessage> now = screen.shown.subList(before, screen.shown.size());
                    now.forEach(m -> shownTypes.merge(m.getClass().getSimpleName(), 1, Integer::sum));
                    boolean answered = now.stream().anyMatch(m -> m instanceof TutorReply || m instanceof DiagnosticQuestion
                            || m instanceof TeachStep || m instanceof PlanFinished || m instanceof DiagnosisCompleted);
                    if (!answered) failures.add("turn " + turns + " (" + who + ", '" + in.text() + "') was not answered: " + types(now));
                }
                proxy.up(true);
                s.end(SessionEnded.Reason.QUIT, screen);
                s.close();
                usage = usage.plus(models.meter().total());
                for (SessionMessage m : screen.shown) {
                    if (m instanceof ModelNotice n) {
                        notices++;
                        fallbacks.merge(n.kind(), 1, Integer::sum);
                    }
                }
                streamedReplies += screen.streamed.size();
                for (String[] w : screen.streamed) {
                    if (!w[0].equals(w[1])) failures.add(who + ": streamed words differ from the recorded reply:\n  shown:    " + w[0]
                            + "\n  recorded: " + w[1]);
                }
                failures.addAll(compareWithStore(store, who, session, screen.shown, submitted, s, course));
            }
            Map<RandomFaultServer.Behaviour, Integer> served = new TreeMap<>(server.served());
            int requests = served.values().stream().mapToInt(Integer::intValue).sum();
            int faults = requests - served.getOrDefault(RandomFaultServer.Behaviour.OK, 0);
            // a call that never reached the server: refused by the downed proxy, or skipped by the open breaker
            int neverSent = fallbacks.getOrDefault("unreachable", 0) + fallbacks.getOrDefault("circuit-open", 0);
            long retries = requests - (usage.calls() - neverSent);
            System.out.printf("model faults: %d turns (seed %d) over %d learners, %d streamed replies; crashes %d, unanswered %d,"
                            + " lost or duplicated events %d%n", turns, SEED, learners, streamedReplies, crashes(failures),
                    count(failures, "was not answered"), count(failures, "the store holds") + count(failures, "turns submitted"));
            System.out.printf("  %d model calls, %d failed and fell back (model notices %d); %d requests reached the server, %d of them"
                            + " faults %s; about %d retries (requests - calls sent); proxy down (refusing) on %d turns%n",
                    usage.calls(), usage.failures(), notices, requests, faults, served, retries, proxy.downs());
            System.out.println("  fallbacks by failure kind: " + fallbacks);
            System.out.println("  messages shown: " + shownTypes);
        }
        // the fake key went to the server with every request: none of it in the store's files (issue 9, secrets)
        List<String> keyHits = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(tmp)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                keyHits.addAll(SecretScanTest.hits(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f), KEY.substring(KEY.lastIndexOf('-') + 1)));
            }
        }
        System.out.println("  key " + KEY.substring(0, 19) + "… found in the store's files: " + keyHits.size() + " times");
        assertThat(failures).as(String.join("\n", failures.subList(0, Math.min(20, failures.size())))).isEmpty();
        assertThat(turns).isGreaterThanOrEqualTo(target);
        assertThat(keyHits).isEmpty();
    }

    /** A seeded student: "idk" or a guess in the diagnosis; right, wrong, hints, demands and chat in practice. */
    static StudentTurn studentTurn(TutoringSession s, Random random) {
        OpenItem open = s.model().progress().open();
        if (s.phase() == Orchestrator.Phase.DIAGNOSING || open == null || !open.isOpen()) {
            return StudentTurn.of(StudentTurn.Kind.TEXT, random.nextInt(3) == 0 ? "7" : "idk");
        }
        Item item = PACK.item(open.item()).orElseThrow();
        return switch (random.nextInt(7)) {
            case 0 -> StudentTurn.of(StudentTurn.Kind.TEXT, item.primaryAnswer());
            case 1, 2 -> StudentTurn.of(StudentTurn.Kind.TEXT, AdversarialStudentTest.wrong(item, random));
            case 3 -> StudentTurn.of(StudentTurn.Kind.HINT, "/hint");
            case 4 -> StudentTurn.of(StudentTurn.Kind.TEXT, "just tell me the answer");
            case 5 -> StudentTurn.of(StudentTurn.Kind.TEXT, "why do we do it this way?");
            default -> StudentTurn.of(StudentTurn.Kind.TEXT, "banana");
        };
    }

    private static int crashes(List<String> failures) {
        return count(failures, " threw ");
    }

    private static int count(List<String> failures, String what) {
        return (int) failures.stream().filter(f -> f.contains(what)).count();
    }

    private static String types(List<SessionMessage> ms) {
        return ms.stream().map(m -> m.getClass().getSimpleName()).toList().toString();
    }

    /** The store holds exactly what the learner saw, once each, and replays to the live model. */
    static List<String> compareWithStore(LearnerStore store, LearnerId who, String session, List<SessionMessage> shown, int submitted,
                                         TutoringSession s, CourseContext course) {
        List<String> out = new ArrayList<>();
        List<StoredEvent> log = store.events(who);
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).seq() != i + 1) out.add(who + ": event " + i + " has seq " + log.get(i).seq() + " (a gap or a repeat)");
        }
        List<SessionMessage> stored = new ArrayList<>();
        for (StoredEvent e : log) {
            if (!e.session().equals(session)) continue;
            Optional<SessionMessage> m = MessageCodec.fromEvent(e);
            if (m.isEmpty()) out.add(who + ": stored event " + e.seq() + " (" + e.type() + ") does not read back");
            else stored.add(m.get());
        }
        if (!stored.equals(shown)) {
            int i = 0;
            while (i < Math.min(stored.size(), shown.size()) && stored.get(i).equals(shown.get(i))) i++;
            out.add(who + ": the store holds " + stored.size() + " messages, the learner saw " + shown.size() + "; first difference at "
                    + i + ": stored " + (i < stored.size() ? stored.get(i) : "-") + " / shown " + (i < shown.size() ? shown.get(i) : "-"));
        }
        long turnsStored = stored.stream().filter(m -> m instanceof StudentTurn).count();
        if (turnsStored != submitted) out.add(who + ": " + submitted + " turns submitted, " + turnsStored + " stored");
        TutoringSession.Rebuilt r = TutoringSession.rebuild(log, who, course, Models.offline(), LadderPolicy.DEFAULT);
        if (!r.model().problems().isEmpty()) out.add(who + ": replay problems " + r.model().problems());
        if (!r.model().snapshot().equals(s.model().snapshot())) out.add(who + ": the replayed learner model differs from the live one");
        Map<String, Mastery> view = store.mastery(who);
        r.model().mastery().forEach((c, st) -> {
            if (view.get(c) == null || view.get(c).posterior() != st.posterior()) out.add(who + ": mastery view of " + c + " differs");
        });
        return out;
    }
}
