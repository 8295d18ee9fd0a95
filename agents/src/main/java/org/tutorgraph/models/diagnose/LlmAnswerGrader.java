package org.tutorgraph.models.diagnose;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.call.Structured;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.prompts.PromptVars;
import org.tutorgraph.models.prompt.Prompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades with the grader's model through the {@code grade-answer} template. The reply must be
 * {@code {"verdict": "correct"|"incorrect"|"unsure", "confidence": "high"|"medium"|"low", "reason": "…"}}; anything
 * else, an "unsure" verdict, or a confidence below the minimum (default high: a wrong "correct" teaches the learner a
 * mistake) gives {@link Grade.Ungraded}. A model failure is also reported to {@link ModelNotices}.
 */
public final class LlmAnswerGrader implements AnswerGrader {

    public static final String TEMPLATE = "grade-answer";

    static final Structured SHAPE;

    static {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("verdict", List.of("correct", "incorrect", "unsure"));
        f.put("confidence", Confidence.keys());
        f.put("reason", List.of());
        SHAPE = new Structured("grade", f);
    }

    private final ModelGateway gateway;
    private final Prompts prompts;
    private final ModelNotices notices;
    private final UsageMeter meter;
    private final Confidence minimum;

    public LlmAnswerGrader(ModelGateway gateway, Prompts prompts, ModelNotices notices, UsageMeter meter, Confidence minimum) {
        this.gateway = gateway;
        this.prompts = prompts;
        this.notices = notices;
        this.meter = meter;
        this.minimum = minimum;
    }

    public LlmAnswerGrader(ModelGateway gateway, Prompts prompts, ModelNotices notices, UsageMeter meter) {
        this(gateway, prompts, notices, meter, Confidence.HIGH);
    }

    @Override
    public Grade grade(CoursePack pack, Item item, String attempt) {
        ModelResult<String> prompt = prompts.tryRender(TEMPLATE, PromptVars.grading(pack, item, attempt), gateway.settings());
        if (prompt instanceof ModelResult.Failed<String> bad) {
            notices.failed(bad.failure());
            return new Grade.Ungraded("the grading prompt could not be rendered", Optional.of(bad.failure()));
        }
        ModelResult<Map<String, String>> parsed = SHAPE.ask(gateway, prompt.valueIfOk().orElseThrow(), meter);
        if (parsed instanceof ModelResult.Failed<Map<String, String>> f) {
            notices.failed(f.failure());
            return new Grade.Ungraded("the grading model gave no usable verdict (" + f.failure().kind().key() + ")",
                    Optional.of(f.failure()));
        }
        notices.succeeded(gateway.settings().role());
        Map<String, String> v = parsed.valueIfOk().orElseThrow();
        Confidence c = Confidence.fromKey(v.get("confidence")).orElse(Confidence.LOW);
        String verdict = v.get("verdict");
        if (verdict.equals("unsure")) return new Grade.Ungraded("the grading model was unsure: " + v.get("reason"), Optional.empty());
        if (!c.atLeast(minimum)) {
            return new Grade.Ungraded("the grading model's confidence was " + c.key() + ", below " + minimum.key(), Optional.empty());
        }
        return new Grade.Graded(verdict.equals("correct"), c, v.get("reason"));
    }
}
