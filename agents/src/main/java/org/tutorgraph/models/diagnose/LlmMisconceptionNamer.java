package org.tutorgraph.models.diagnose;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.call.Structured;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.prompts.PromptVars;
import org.tutorgraph.models.prompt.Prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names a misconception with the grader's model through the {@code name-misconception} template. The reply must be
 * {@code {"misconception": <one of the item's ids>|"none", "confidence": …, "reason": …}}: the schema lists the
 * item's ids as the only allowed values, and the reply is checked against them again, so an invented misconception
 * can never come back. "none", low confidence (below the minimum, default medium) or an unusable reply give
 * {@link Naming.Unnamed}. An item without known misconceptions costs no call.
 */
public final class LlmMisconceptionNamer implements MisconceptionNamer {

    public static final String TEMPLATE = "name-misconception";

    private final ModelGateway gateway;
    private final Prompts prompts;
    private final ModelNotices notices;
    private final UsageMeter meter;
    private final Confidence minimum;

    public LlmMisconceptionNamer(ModelGateway gateway, Prompts prompts, ModelNotices notices, UsageMeter meter, Confidence minimum) {
        this.gateway = gateway;
        this.prompts = prompts;
        this.notices = notices;
        this.meter = meter;
        this.minimum = minimum;
    }

    public LlmMisconceptionNamer(ModelGateway gateway, Prompts prompts, ModelNotices notices, UsageMeter meter) {
        this(gateway, prompts, notices, meter, Confidence.MEDIUM);
    }

    /** The reply's shape for {@code item}: its misconception ids and "none". */
    static Structured shape(Item item) {
        List<String> ids = new ArrayList<>();
        for (Misconception m : item.misconceptions()) ids.add(m.id());
        ids.add("none");
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("misconception", ids);
        f.put("confidence", Confidence.keys());
        f.put("reason", List.of());
        return new Structured("misconception", f);
    }

    @Override
    public Naming name(CoursePack pack, Item item, String wrongAnswer) {
        if (item.misconceptions().isEmpty()) return new Naming.Unnamed("the item lists no misconceptions", Optional.empty());
        Structured shape = shape(item);
        ModelResult<String> prompt = prompts.tryRender(TEMPLATE, PromptVars.misconception(pack, item, wrongAnswer), gateway.settings());
        if (prompt instanceof ModelResult.Failed<String> bad) {
            notices.failed(bad.failure());
            return new Naming.Unnamed("the misconception prompt could not be rendered", Optional.of(bad.failure()));
        }
        ModelResult<Map<String, String>> parsed = shape.ask(gateway, prompt.valueIfOk().orElseThrow(), meter);
        if (parsed instanceof ModelResult.Failed<Map<String, String>> f) {
            notices.failed(f.failure());
            return new Naming.Unnamed("the grading model gave no usable answer (" + f.failure().kind().key() + ")",
                    Optional.of(f.failure()));
        }
        notices.succeeded(gateway.settings().role());
        Map<String, String> v = parsed.valueIfOk().orElseThrow();
        String id = v.get("misconception");
        if (id.equals("none")) return new Naming.Unnamed("the model found no known misconception: " + v.get("reason"), Optional.empty());
        Confidence c = Confidence.fromKey(v.get("confidence")).orElse(Confidence.LOW);
        if (!c.atLeast(minimum)) {
            return new Naming.Unnamed("the model's confidence was " + c.key() + ", below " + minimum.key(), Optional.empty());
        }
        Misconception m = item.misconceptions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return new Naming.Named(m, c, v.get("reason"));
    }
}
