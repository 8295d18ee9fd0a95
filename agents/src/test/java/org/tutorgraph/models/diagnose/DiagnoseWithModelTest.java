package org.tutorgraph.models.diagnose;

import dev.langchain4j.model.chat.request.ResponseFormatType;
import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.StructuredOutput;
import org.tutorgraph.models.testing.ScriptedChatModel;
import org.tutorgraph.models.testing.TestPrompts;
import org.tutorgraph.pack.BundledCourse;

import static org.assertj.core.api.Assertions.assertThat;

/** Grading and misconception naming: structured, validated, and "ungraded" whenever the reply can't be trusted. */
class DiagnoseWithModelTest {

    static final CoursePack PACK = BundledCourse.load();
    static final Item ITEM = PACK.item("int-add-1").orElseThrow();
    static final ModelSettings SETTINGS = ModelSettings.of(ModelRole.GRADER, Backend.OPENAI, "http://127.0.0.1:9/v1", "m");

    final UsageMeter meter = new UsageMeter();
    final ModelNotices notices = new ModelNotices();

    private LlmAnswerGrader grader(ScriptedChatModel model) {
        return new LlmAnswerGrader(gateway(model, SETTINGS), new TestPrompts(), notices, meter);
    }

    private LlmMisconceptionNamer namer(ScriptedChatModel model) {
        return new LlmMisconceptionNamer(gateway(model, SETTINGS), new TestPrompts(), notices, meter);
    }

    private ModelGateway gateway(ScriptedChatModel model, ModelSettings s) {
        return new ModelGateway(s, model, null, new CircuitBreaker(), meter, d -> { });
    }

    @Test
    void confidentVerdictIsUsed() {
        ScriptedChatModel model = ScriptedChatModel.replying("{\"verdict\": \"correct\", \"confidence\": \"high\", \"reason\": \"same value\"}");
        Grade g = grader(model).grade(PACK, ITEM, "five");
        assertThat(g).isEqualTo(new Grade.Graded(true, Confidence.HIGH, "same value"));
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(0))).contains("GRADE five against 5");
    }

    @Test
    void requestCarriesTheJsonSchemaWithTheVerdictEnum() {
        ScriptedChatModel model = ScriptedChatModel.replying("{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"r\"}");
        grader(model).grade(PACK, ITEM, "six");
        var format = model.requests().get(0).parameters().responseFormat();
        assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(format.jsonSchema().rootElement().toString()).contains("correct", "incorrect", "unsure", "high");
    }

    @Test
    void promptModeSendsNoResponseFormatButStillValidates() {
        ScriptedChatModel model = ScriptedChatModel.replying("Sure! ```json\n{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"r\"}\n```");
        ModelSettings prompt = SETTINGS.withStructuredOutput(StructuredOutput.PROMPT);
        Grade g = new LlmAnswerGrader(gateway(model, prompt), new TestPrompts(), notices, meter).grade(PACK, ITEM, "six");
        assertThat(g).isEqualTo(new Grade.Graded(false, Confidence.HIGH, "r"));
        assertThat(model.requests().get(0).parameters().responseFormat()).isNull();
    }

    @Test
    void unsureOrHesitantVerdictStaysUngraded() {
        assertThat(grader(ScriptedChatModel.replying("{\"verdict\": \"unsure\", \"confidence\": \"high\", \"reason\": \"vague\"}"))
                .grade(PACK, ITEM, "x")).isInstanceOf(Grade.Ungraded.class);
        assertThat(grader(ScriptedChatModel.replying("{\"verdict\": \"correct\", \"confidence\": \"medium\", \"reason\": \"maybe\"}"))
                .grade(PACK, ITEM, "x")).isInstanceOf(Grade.Ungraded.class);
        assertThat(notices.drainNotes()).as("an unsure model is not a failure").isEmpty();
    }

    @Test
    void schemaViolationsStayUngradedAndAreNoticed() {
        String[] bad = {
                "not json at all",
                "{\"verdict\": \"probably\", \"confidence\": \"high\", \"reason\": \"r\"}",
                "{\"verdict\": \"correct\", \"reason\": \"no confidence\"}",
                "{\"verdict\": true, \"confidence\": \"high\", \"reason\": \"r\"}",
                "{\"verdict\": \"correct\", \"confidence\": 0.97, \"reason\": \"a probability\"}",
                "[\"correct\"]",
                "{\"verdict\": \"correct\", \"confidence\": \"high\", \"reason\": \"r\"",
        };
        for (String reply : bad) {
            Grade g = grader(ScriptedChatModel.replying(reply)).grade(PACK, ITEM, "x");
            assertThat(g).as(reply).isInstanceOf(Grade.Ungraded.class);
            assertThat(((Grade.Ungraded) g).failure()).as(reply).get().extracting(ModelFailure::kind).isEqualTo(ModelFailure.Kind.MALFORMED);
        }
        assertThat(notices.drainNotes()).hasSize(1);
        assertThat(meter.total().failures()).isEqualTo(bad.length);
    }

    @Test
    void modelFailureStaysUngradedWithTheFailure() {
        ScriptedChatModel model = new ScriptedChatModel().thenFail(new dev.langchain4j.exception.AuthenticationException("bad key"));
        Grade g = grader(model).grade(PACK, ITEM, "x");
        assertThat(((Grade.Ungraded) g).failure()).get().extracting(ModelFailure::kind).isEqualTo(ModelFailure.Kind.UNAUTHORIZED);
        assertThat(notices.drainNotes()).containsExactly(
                "(I couldn't have that answer checked by the language model, so it stays ungraded.)");
    }

    @Test
    void namesOnlyAMisconceptionOfTheItem() {
        ScriptedChatModel model = ScriptedChatModel.replying("{\"misconception\": \"signs-ignored\", \"confidence\": \"high\", \"reason\": \"added sizes\"}");
        Naming n = namer(model).name(PACK, ITEM, "nineteen");
        assertThat(n).isInstanceOf(Naming.Named.class);
        assertThat(((Naming.Named) n).misconception().id()).isEqualTo("signs-ignored");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(0))).contains("signs-ignored: Adds the sizes");
        assertThat(model.requests().get(0).parameters().responseFormat().jsonSchema().rootElement().toString())
                .contains("signs-ignored", "wrong-sign-kept", "none");
    }

    @Test
    void inventedNoneOrUnsureNamingIsUnnamed() {
        assertThat(namer(ScriptedChatModel.replying("{\"misconception\": \"confuses-x\", \"confidence\": \"high\", \"reason\": \"r\"}"))
                .name(PACK, ITEM, "3")).isInstanceOf(Naming.Unnamed.class);
        assertThat(namer(ScriptedChatModel.replying("{\"misconception\": \"none\", \"confidence\": \"high\", \"reason\": \"slip\"}"))
                .name(PACK, ITEM, "3")).isInstanceOf(Naming.Unnamed.class);
        assertThat(namer(ScriptedChatModel.replying("{\"misconception\": \"signs-ignored\", \"confidence\": \"low\", \"reason\": \"?\"}"))
                .name(PACK, ITEM, "3")).isInstanceOf(Naming.Unnamed.class);
    }

    @Test
    void itemWithoutMisconceptionsCostsNoCall() {
        Item plain = PACK.items().stream().filter(i -> i.misconceptions().isEmpty()).findFirst().orElse(null);
        if (plain == null) {
            plain = new Item("plain", "What is 2 + 2?", ITEM.type(), java.util.List.of("4"), java.util.List.of(), 0,
                    ITEM.concepts(), java.util.List.of(), ITEM.ladder());
        }
        ScriptedChatModel model = ScriptedChatModel.replying("{}");
        assertThat(namer(model).name(PACK, plain, "5")).isInstanceOf(Naming.Unnamed.class);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void shippedTemplatesRenderWithTheVariablesGiven() {
        org.tutorgraph.prompts.PromptLibrary lib = org.tutorgraph.prompts.PromptLibrary.defaults();
        ScriptedChatModel model = ScriptedChatModel.replying(
                "{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"r\"}",
                "{\"misconception\": \"signs-ignored\", \"confidence\": \"high\", \"reason\": \"r\"}",
                "Start with integers: they come first.");
        ModelGateway g = gateway(model, SETTINGS);
        assertThat(new LlmAnswerGrader(g, lib::render, notices, meter).grade(PACK, ITEM, "19")).isInstanceOf(Grade.Graded.class);
        assertThat(new LlmMisconceptionNamer(g, lib::render, notices, meter).name(PACK, ITEM, "19")).isInstanceOf(Naming.Named.class);
        assertThat(new org.tutorgraph.models.plan.LlmRationalePhraser(g, lib::render, notices, meter)
                .phrase(PACK, java.util.List.of("Slope"), "1. Integers: needed by slope", "")).contains("Start with integers: they come first.");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(0))).contains("What is -7 + 12?").contains("19");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(1))).contains("signs-ignored");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(2))).contains("Integers: needed by slope");
        assertThat(notices.drainNotes()).isEmpty();
    }

    @Test
    void brokenTemplateFallsBackWithoutACall() {
        ScriptedChatModel model = ScriptedChatModel.replying("{}");
        org.tutorgraph.models.prompt.Prompts broken = (name, vars) -> {
            throw new IllegalArgumentException("template grade-answer needs variable rubric");
        };
        Grade g = new LlmAnswerGrader(gateway(model, SETTINGS), broken, notices, meter).grade(PACK, ITEM, "5");
        assertThat(((Grade.Ungraded) g).failure()).get().extracting(ModelFailure::kind).isEqualTo(ModelFailure.Kind.BAD_TEMPLATE);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void offlinePortsNeverDecide() {
        assertThat(AnswerGrader.offline().grade(PACK, ITEM, "5")).isInstanceOf(Grade.Ungraded.class);
        assertThat(MisconceptionNamer.offline().name(PACK, ITEM, "19")).isInstanceOf(Naming.Unnamed.class);
    }
}
