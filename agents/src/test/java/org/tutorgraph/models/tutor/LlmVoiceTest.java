package org.tutorgraph.models.tutor;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.testing.ScriptedChatModel;
import org.tutorgraph.models.testing.ScriptedStreamingChatModel;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.tutor.GuardedVoice;
import org.tutorgraph.tutor.MasterySummary;
import org.tutorgraph.tutor.OfflineVoice;
import org.tutorgraph.tutor.Phrasing;
import org.tutorgraph.tutor.Situation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The model voice: what it sends, what it falls back to, how it regenerates, how it streams. */
class LlmVoiceTest {

    static final CoursePack PACK = BundledCourse.load();
    static final Item ITEM = PACK.item("int-add-1").orElseThrow();   // What is -7 + 12?  answer 5
    static final Concept CONCEPT = PACK.graph().concept(ITEM.concepts().get(0));
    static final ModelSettings SETTINGS = ModelSettings.of(ModelRole.TUTOR, Backend.OLLAMA, "http://127.0.0.1:9", "m");

    final ModelNotices notices = new ModelNotices();
    final UsageMeter meter = new UsageMeter();
    final LeakGuard guard = new LeakGuard();

    private LlmVoice voice(ScriptedChatModel model, ScriptedStreamingChatModel streaming) {
        ModelGateway g = new ModelGateway(SETTINGS, model, streaming, new CircuitBreaker(), meter, d -> { });
        return new LlmVoice(g, PromptLibrary.defaults()::render, notices, PACK.meta().title());
    }

    private static Phrasing hint(Rung rung) {
        return new Phrasing(CONCEPT, ITEM, Optional.of(rung), Situation.MISCONCEPTION, Optional.of("19"),
                Optional.of(ITEM.misconceptions().get(0)), "", new MasterySummary(0.3, 2), "en", Optional.empty());
    }

    @Test
    void phrasesTheRungFromItsTemplateGroundedInTheCourse() {
        ScriptedChatModel model = ScriptedChatModel.replying("Nice try! Are -7 and 12 on the same side of zero?");
        String text = voice(model, null).phrase(hint(Rung.PROBE));
        assertThat(text).isEqualTo("Nice try! Are -7 and 12 on the same side of zero?");
        var messages = model.requests().get(0).messages();
        assertThat(messages).hasSize(2);
        assertThat(((SystemMessage) messages.get(0)).text()).contains(PACK.meta().title());
        String user = ((UserMessage) messages.get(1)).singleText();
        assertThat(user).contains("What is -7 + 12?", "19", "Adds the sizes and ignores the signs.",
                ITEM.ladder().get(1).text(), CONCEPT.name(), "not yet mastered (0.30, from 2 answers)", "PROBE");
        assertThat(meter.total().calls()).isEqualTo(1);
    }

    @Test
    void aModelFailureFallsBackToTheOfflineVoiceAndIsNoticedOnce() {
        ScriptedChatModel model = new ScriptedChatModel().thenFail(new RuntimeException(new java.net.ConnectException("refused")));
        LlmVoice v = voice(model, null);
        String text = v.phrase(hint(Rung.ORIENT));
        assertThat(text).isEqualTo(new OfflineVoice().phrase(hint(Rung.ORIENT)));
        v.phrase(hint(Rung.PROBE));
        assertThat(notices.drainNotes()).containsExactly(
                "(The tutor's language model is not answering right now, so I'm using the course's own hints.)");
    }

    @Test
    void leakIsRegeneratedOnceWithTheFirmerInstructionAfterTheLeakingReply() {
        ScriptedChatModel model = ScriptedChatModel.replying("Easy: the answer is 5.", "Where is -7 compared with zero?");
        GuardedVoice.Spoken s = new GuardedVoice(voice(model, null), guard).speak(hint(Rung.ORIENT), 1, List.of("19"));
        assertThat(s.text()).isEqualTo("Where is -7 compared with zero?");
        assertThat(s.fallback()).contains(GuardedVoice.Fallback.REGENERATED);
        var second = model.requests().get(1).messages();
        assertThat(second).hasSize(4);
        assertThat(((AiMessage) second.get(2)).text()).isEqualTo("Easy: the answer is 5.");
        assertThat(((UserMessage) second.get(3)).singleText()).contains("let the answer slip out");
    }

    @Test
    void aSecondLeakGivesTheAuthoredRung() {
        ScriptedChatModel model = ScriptedChatModel.replying("It is 5.", "Fine: five.");
        GuardedVoice.Spoken s = new GuardedVoice(voice(model, null), guard).speak(hint(Rung.SCAFFOLD), 3, List.of("19"));
        assertThat(s.text()).isEqualTo(OfflineVoice.authored(ITEM, Rung.SCAFFOLD).orElseThrow());
        assertThat(s.fallback()).contains(GuardedVoice.Fallback.AUTHORED_RUNG);
    }

    @Test
    void bottomOutThatDoesNotStateTheAnswerIsReplacedByTheWorkedStep() {
        ScriptedChatModel model = ScriptedChatModel.replying("So -7 + 12 = 4, since you move right.");
        String text = voice(model, null).phrase(hint(Rung.BOTTOM_OUT));
        assertThat(text).contains(OfflineVoice.authored(ITEM, Rung.BOTTOM_OUT).orElseThrow());
        ScriptedChatModel good = ScriptedChatModel.replying("Seven steps reach zero and five more reach 5, so -7 + 12 = 5.");
        assertThat(voice(good, null).phrase(hint(Rung.BOTTOM_OUT))).isEqualTo("Seven steps reach zero and five more reach 5, so -7 + 12 = 5.");
        assertThat(((UserMessage) good.requests().get(0).messages().get(1)).singleText()).contains("5");
    }

    @Test
    void turnsAModelAddsNothingToStayOffline() {
        ScriptedChatModel model = ScriptedChatModel.replying("never used");
        Phrasing chat = new Phrasing(CONCEPT, ITEM, Optional.empty(), Situation.CHAT, Optional.empty(), Optional.empty(), "",
                MasterySummary.unknown(), "en", Optional.empty());
        assertThat(voice(model, null).phrase(chat)).isEqualTo(new OfflineVoice().phrase(chat));
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void correctAnswerGetsTheFeedbackTemplate() {
        ScriptedChatModel model = ScriptedChatModel.replying("Yes! Can you say why it works?");
        Phrasing correct = new Phrasing(CONCEPT, ITEM, Optional.empty(), Situation.CORRECT, Optional.of("5"), Optional.empty(), "",
                MasterySummary.unknown(), "en", Optional.empty());
        assertThat(voice(model, null).phrase(correct)).isEqualTo("Yes! Can you say why it works?");
        assertThat(((UserMessage) model.requests().get(0).messages().get(1)).singleText()).contains("Grading result: correct");
    }

    // ---------------------------------------------------------------- streaming

    private record Streamed(GuardedVoice.Spoken spoken, List<String> pieces) {
    }

    private Streamed stream(Function<dev.langchain4j.model.chat.request.ChatRequest, String> answer, int cutAfter,
                            ScriptedChatModel whole, Rung rung) {
        List<String> pieces = new ArrayList<>();
        LlmVoice v = voice(whole, new ScriptedStreamingChatModel(answer, cutAfter));
        GuardedVoice.Spoken s = new StreamingVoice(v, guard).speak(hint(rung), rung.level(), List.of("19"), pieces::add);
        assertThat(String.join("", pieces)).isEqualTo(s.text());
        return new Streamed(s, pieces);
    }

    @Test
    void cleanHintStreamsSentenceBySentence() {
        Streamed s = stream(r -> "Good thinking. Where is -7 on the line? Which way does adding move you?", -1,
                ScriptedChatModel.replying("unused"), Rung.ORIENT);
        assertThat(s.pieces()).containsExactly("Good thinking. ", "Where is -7 on the line? ", "Which way does adding move you?");
        assertThat(s.spoken().fallback()).isEmpty();
    }

    @Test
    void leakMidStreamStopsBeforeTheLeakingSentenceThenRegenerates() {
        Streamed s = stream(r -> "Good thinking. The answer is 5. Do you see why?", -1,
                ScriptedChatModel.replying("Where is -7 compared with zero?"), Rung.PROBE);
        assertThat(s.pieces()).containsExactly("Good thinking. ", "Where is -7 compared with zero?");
        assertThat(s.spoken().text()).isEqualTo("Good thinking. Where is -7 compared with zero?");
        assertThat(s.spoken().fallback()).contains(GuardedVoice.Fallback.REGENERATED);
        assertThat(s.spoken().replaced()).hasValueSatisfying(l -> assertThat(l.text()).isEqualTo("5"));
    }

    @Test
    void streamCutOffKeepsTheCleanSentencesAndAddsTheAuthoredRung() {
        Streamed s = stream(r -> "Good thinking. Where is -7 on the line? Which way", 7, ScriptedChatModel.replying("unused"), Rung.ORIENT);
        assertThat(s.pieces().get(0)).isEqualTo("Good thinking. ");
        assertThat(s.spoken().text()).startsWith("Good thinking. ").endsWith(OfflineVoice.authored(ITEM, Rung.ORIENT).orElseThrow());
        assertThat(notices.drainNotes()).hasSize(1);
    }

    @Test
    void bottomOutStreamsEveryToken() {
        Streamed s = stream(r -> "Seven steps reach zero, five more reach 5. So -7 + 12 = 5.", -1,
                ScriptedChatModel.replying("unused"), Rung.BOTTOM_OUT);
        assertThat(s.pieces()).hasSizeGreaterThan(5);
        assertThat(s.spoken().text()).isEqualTo("Seven steps reach zero, five more reach 5. So -7 + 12 = 5.");
    }
}
