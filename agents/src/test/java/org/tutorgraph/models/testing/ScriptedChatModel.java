package org.tutorgraph.models.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A deterministic {@link ChatModel} for fast unit tests: it answers from a script (texts, failures, or a function of
 * the request) and records every request. When the script runs out, the last step repeats. Copy it freely.
 *
 * <pre>
 *   ScriptedChatModel model = ScriptedChatModel.replying("{\"verdict\": \"correct\", …}");
 *   ScriptedChatModel flaky = new ScriptedChatModel().thenFail(new RuntimeException("boom")).thenReply("ok");
 *   ScriptedChatModel echo  = new ScriptedChatModel().thenAnswer(req -> "you said " + ScriptedChatModel.lastUserText(req));
 * </pre>
 */
public final class ScriptedChatModel implements ChatModel {

    private final Deque<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();
    private Function<ChatRequest, ChatResponse> last;
    private final List<ChatRequest> requests = new ArrayList<>();

    /** A model that replies {@code texts} in order (then repeats the last). */
    public static ScriptedChatModel replying(String... texts) {
        ScriptedChatModel m = new ScriptedChatModel();
        for (String t : texts) m.thenReply(t);
        return m;
    }

    public ScriptedChatModel thenReply(String text) {
        return thenReply(text, 10, 5);
    }

    public ScriptedChatModel thenReply(String text, int promptTokens, int completionTokens) {
        script.add(req -> response(text, promptTokens, completionTokens));
        return this;
    }

    public ScriptedChatModel thenFail(RuntimeException error) {
        script.add(req -> {
            throw error;
        });
        return this;
    }

    /** A reply computed from the request (a model that "complies", an echo). */
    public ScriptedChatModel thenAnswer(Function<ChatRequest, String> answer) {
        script.add(req -> response(answer.apply(req), 10, 5));
        return this;
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Function<ChatRequest, ChatResponse> step = script.isEmpty() ? last : script.poll();
        if (step == null) throw new IllegalStateException("the scripted model has no reply scripted");
        last = step;
        return step.apply(request);
    }

    /** Every request received, oldest first. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public static ChatResponse response(String text, int promptTokens, int completionTokens) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text))
                .tokenUsage(new TokenUsage(promptTokens, completionTokens))
                .finishReason(FinishReason.STOP).build();
    }

    /** The text of the request's last user message. */
    public static String lastUserText(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            if (request.messages().get(i) instanceof UserMessage u) return u.singleText();
        }
        return "";
    }

    /** The text of the request's system messages, joined ("" when there is none). */
    public static String systemText(ChatRequest request) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) sb.append(s.text());
        }
        return sb.toString();
    }

    /** Every message's text, joined: what the model "read". */
    public static String allText(ChatRequest request) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) sb.append(u.singleText()).append('\n');
            else if (m instanceof SystemMessage s) sb.append(s.text()).append('\n');
            else if (m instanceof AiMessage a && a.text() != null) sb.append(a.text()).append('\n');
        }
        return sb.toString();
    }
}
