package org.tutorgraph.models.plan;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.models.call.Failures;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.prompts.PromptVars;
import org.tutorgraph.models.prompt.Prompts;

import java.util.List;
import java.util.Optional;

/**
 * Phrases the plan's rationale with the planner's model through the {@code plan-rationale} template. A reply that is
 * empty or longer than {@link #MAX_CHARS} is not used.
 */
public final class LlmRationalePhraser implements RationalePhraser {

    public static final String TEMPLATE = "plan-rationale";
    /** Two to four sentences fit easily; a longer reply is rambling or something else entirely. */
    public static final int MAX_CHARS = 1_500;

    private final ModelGateway gateway;
    private final Prompts prompts;
    private final ModelNotices notices;
    private final UsageMeter meter;

    public LlmRationalePhraser(ModelGateway gateway, Prompts prompts, ModelNotices notices, UsageMeter meter) {
        this.gateway = gateway;
        this.prompts = prompts;
        this.notices = notices;
        this.meter = meter;
    }

    @Override
    public Optional<String> phrase(CoursePack pack, List<String> goals, String plan, String mastery) {
        ModelResult<String> prompt = prompts.tryRender(TEMPLATE, PromptVars.plan(pack, goals, plan, mastery), gateway.settings());
        if (prompt instanceof ModelResult.Failed<String> bad) {
            notices.failed(bad.failure());
            return Optional.empty();
        }
        ModelResult<ChatResponse> r = gateway.chat(ChatRequest.builder()
                .messages(UserMessage.from(prompt.valueIfOk().orElseThrow())).build());
        if (r instanceof ModelResult.Failed<ChatResponse> f) {
            notices.failed(f.failure());
            return Optional.empty();
        }
        String text = r.valueIfOk().orElseThrow().aiMessage().text().strip();
        if (text.isEmpty() || text.length() > MAX_CHARS) {
            meter.recordRejected(gateway.settings().role());
            notices.failed(Failures.of(ModelFailure.Kind.MALFORMED, gateway.settings(),
                    text.isEmpty() ? "an empty rationale" : "a rationale of " + text.length() + " characters"));
            return Optional.empty();
        }
        notices.succeeded(gateway.settings().role());
        return Optional.of(text);
    }
}
