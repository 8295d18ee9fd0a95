package org.tutorgraph.models.tutor;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.ModelFactory;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.diagnose.Grade;
import org.tutorgraph.models.diagnose.LlmAnswerGrader;
import org.tutorgraph.models.testing.RandomFaultServer;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.tutor.GuardedVoice;
import org.tutorgraph.tutor.LadderPolicy;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.MasterySummary;
import org.tutorgraph.tutor.Phrasing;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TutorContext;
import org.tutorgraph.tutor.TutorEngine;
import org.tutorgraph.tutor.TutorTurn;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tutoring turns, whole and streamed, plus grading calls, against a server that fails at random (seeded): every
 * turn is answered, nothing throws, nothing leaks below bottom-out, and the usage meter accounts for every call.
 * 150 turns here; 1,000 with {@code -Dtutorgraph.slow=true}.
 */
class FaultySessionTest {

    static final CoursePack PACK = BundledCourse.load();
    static final Duration TIMEOUT = Duration.ofMillis(250);

    @Test
    void everyTurnIsAnsweredWhateverTheServerDoes() {
        int turns = Boolean.getBoolean("tutorgraph.slow") ? 1_000 : 150;
        try (RandomFaultServer server = new RandomFaultServer(20_261_122L, 700, 10, body -> body.contains("verdict")
                ? "{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"a different value\"}"
                : "Good thinking. Where do you start on the number line? Which way does the next step move you?")) {
            ModelSettings s = ModelSettings.of(ModelRole.TUTOR, Backend.OPENAI, server.baseUrl(), "m")
                    .withTimeout(TIMEOUT).withRetries(1);
            UsageMeter meter = new UsageMeter();
            ModelNotices notices = new ModelNotices();
            ModelGateway gateway = new ModelGateway(s, ModelFactory.chatModel(s).orElseThrow(),
                    ModelFactory.streamingChatModel(s).orElseThrow(), new CircuitBreaker(3, Duration.ofMillis(20), Clock.systemUTC()),
                    meter, d -> Thread.sleep(Math.min(d.toMillis(), 20)));
            LlmVoice voice = new LlmVoice(gateway, PromptLibrary.defaults()::render, notices, PACK.meta().title());
            TutorEngine engine = new TutorEngine(voice, LadderPolicy.DEFAULT);
            StreamingVoice streaming = new StreamingVoice(voice, new LeakGuard());
            ModelGateway graderGateway = new ModelGateway(s.withRole(ModelRole.GRADER), ModelFactory.chatModel(s).orElseThrow(), null,
                    new CircuitBreaker(3, Duration.ofMillis(20), Clock.systemUTC()), meter, d -> { });
            LlmAnswerGrader grader = new LlmAnswerGrader(graderGateway, PromptLibrary.defaults()::render, notices, meter);
            LeakGuard guard = new LeakGuard();

            int answered = 0;
            int graded = 0;
            int i = 0;
            List<String> inputs = List.of("hint", "WRONG", "hint", "WRONG", "tell me the answer", "RIGHT");
            while (answered < turns) {
                Item item = PACK.items().get(i++ % PACK.items().size());
                TutorContext ctx = new TutorContext(item, PACK.graph().concept(item.concepts().get(0)), MasterySummary.unknown(), "en");
                LadderState state = LadderState.start();
                for (String input : inputs) {
                    if (answered >= turns) break;
                    String said = input.equals("WRONG") ? wrong(item) : input.equals("RIGHT") ? item.primaryAnswer() : input;
                    TutorTurn turn = engine.respond(ctx, state, said);
                    state = turn.state();
                    answered++;
                    assertThat(turn.text()).isNotBlank();
                    if (state.isOpen() && state.level() < Rung.BOTTOM_OUT.level()) {
                        assertThat(guard.check(item, state.level(), turn.text(), state.said()).leaked()).isFalse();
                    }
                    // and the same turn's hint, streamed
                    if (turn.rung().isPresent() && state.isOpen() && answered < turns) {
                        List<String> pieces = new ArrayList<>();
                        Phrasing p = new Phrasing(ctx.concept(), item, turn.rung(), Situation.HINT_REQUESTED, Optional.empty(),
                                Optional.empty(), "", MasterySummary.unknown(), "en", Optional.empty());
                        GuardedVoice.Spoken spoken = streaming.speak(p, state.level(), state.said(), pieces::add);
                        answered++;
                        assertThat(spoken.text()).isNotBlank().isEqualTo(String.join("", pieces));
                        if (state.level() < Rung.BOTTOM_OUT.level()) {
                            assertThat(guard.check(item, state.level(), spoken.text(), state.said()).leaked()).isFalse();
                        }
                    }
                    if (item.type() == AnswerType.TEXT || answered % 7 == 0) {
                        Grade g = grader.grade(PACK, item, said);
                        assertThat(g).isNotNull();
                        graded++;
                    }
                }
            }
            assertThat(answered).isEqualTo(turns);
            assertThat(graded).isPositive();
            Map<RandomFaultServer.Behaviour, Integer> served = server.served();
            assertThat(served.keySet()).as("every behaviour was served at least once").hasSize(RandomFaultServer.Behaviour.values().length);
            Map<ModelFailure.Kind, Integer> kinds = new EnumMap<>(ModelFailure.Kind.class);
            for (ModelFailure f : notices.drainFailures()) kinds.merge(f.kind(), 1, Integer::sum);
            assertThat(kinds).containsKeys(ModelFailure.Kind.SERVER_ERROR, ModelFailure.Kind.TIMEOUT, ModelFailure.Kind.MALFORMED,
                    ModelFailure.Kind.TRUNCATED, ModelFailure.Kind.UNAUTHORIZED);
            assertThat(meter.total().calls()).as("a model was asked on most turns").isGreaterThan(turns / 2);
            System.out.println("faulty session: " + answered + " turns, " + graded + " gradings; served " + served
                    + "; failures " + kinds + "; usage " + meter.total());
        }
    }

    private static String wrong(Item item) {
        return item.misconceptions().stream().flatMap(m -> m.wrongAnswers().stream()).findFirst()
                .orElse(item.type() == AnswerType.CHOICE ? "Z" : "banana");
    }
}
