package org.tutorgraph.models.testing;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic {@link StreamingChatModel}: the text a function of the request gives is streamed word by word
 * (each word with its following space), then completed; or the stream is cut off after {@code cutAfter} words with an
 * error. Events are delivered on the calling thread before {@code chat} returns.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {

    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private final Function<ChatRequest, String> answer;
    private final int cutAfter;
    private final List<ChatRequest> requests = new ArrayList<>();

    /** Streams the whole answer. */
    public ScriptedStreamingChatModel(Function<ChatRequest, String> answer) {
        this(answer, -1);
    }

    /** Streams {@code cutAfter} words, then fails (a stream cut off mid-answer); -1 streams everything. */
    public ScriptedStreamingChatModel(Function<ChatRequest, String> answer, int cutAfter) {
        this.answer = answer;
        this.cutAfter = cutAfter;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        synchronized (this) {
            requests.add(request);
        }
        String text = answer.apply(request);
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            if (cutAfter >= 0 && n == cutAfter) {
                handler.onError(new org.tutorgraph.models.call.StreamCutOffException("scripted cut-off"));
                return;
            }
            handler.onPartialResponse(m.group());
            n++;
        }
        ChatResponse r = ScriptedChatModel.response(text, 10, Math.max(1, n));
        handler.onCompleteResponse(r);
    }

    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }
}
