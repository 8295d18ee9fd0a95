package org.tutorgraph.models.tutor;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.prompt.Prompts;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.TutorSituation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages of a tutor turn, the same for the chat, the token benchmark and the prompt tournament: the system message
 * ({@code tutor-system}) and one user message, {@code tutor-<rung>} for a hint or {@code tutor-feedback} for a reply
 * to a graded attempt without a new hint. A regeneration after a leak appends the leaking reply and the firmer
 * {@code tutor-regenerate} instruction. The answer only reaches the bottom-out template ({@link TutorSituation#vars()}
 * leaves it out below).
 */
public final class TutorPrompt {

    public static final String SYSTEM = "tutor-system";
    public static final String FEEDBACK = "tutor-feedback";
    public static final String REGENERATE = "tutor-regenerate";

    private TutorPrompt() {
    }

    /** {@code tutor-orient}, {@code tutor-probe}, {@code tutor-scaffold}, {@code tutor-bottom-out} (the registry's names). */
    public static String template(Rung rung) {
        return PromptRegistry.tutorTemplate(rung);
    }

    /** The first request of a turn: system + the rung's template, or system + feedback when {@code feedback}. */
    public static ModelResult<List<ChatMessage>> messages(Prompts prompts, TutorSituation s, boolean feedback, ModelSettings settings) {
        Map<String, Object> vars = s.vars();
        ModelResult<String> system = prompts.tryRender(SYSTEM, vars, settings);
        if (system instanceof ModelResult.Failed<String> f) return ModelResult.failed(f.failure());
        ModelResult<String> user = prompts.tryRender(feedback ? FEEDBACK : template(s.rung()), vars, settings);
        if (user instanceof ModelResult.Failed<String> f) return ModelResult.failed(f.failure());
        return ModelResult.ok(List.of(SystemMessage.from(system.valueIfOk().orElseThrow()),
                UserMessage.from(user.valueIfOk().orElseThrow())));
    }

    /** The regeneration request: the first request, the leaking reply, and the firmer instruction. */
    public static ModelResult<List<ChatMessage>> regenerate(Prompts prompts, TutorSituation s, List<ChatMessage> first,
                                                            String leakingReply, ModelSettings settings) {
        ModelResult<String> firmer = prompts.tryRender(REGENERATE, s.vars(), settings);
        if (firmer instanceof ModelResult.Failed<String> f) return ModelResult.failed(f.failure());
        List<ChatMessage> messages = new ArrayList<>(first);
        messages.add(AiMessage.from(leakingReply));
        messages.add(UserMessage.from(firmer.valueIfOk().orElseThrow()));
        return ModelResult.ok(messages);
    }
}
