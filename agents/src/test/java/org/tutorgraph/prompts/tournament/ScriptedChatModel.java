package org.tutorgraph.prompts.tournament;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A deterministic {@link ChatModel} for unit tests: answers with a function of the system and user text, and records every request. */
final class ScriptedChatModel implements ChatModel {

    private final BiFunction<String, String, String> script;
    final List<String> userTexts = new ArrayList<>();

    ScriptedChatModel(BiFunction<String, String, String> script) {
        this.script = script;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        StringBuilder system = new StringBuilder();
        StringBuilder user = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) system.append(s.text());
            if (m instanceof UserMessage u) user.append(u.singleText());
        }
        userTexts.add(user.toString());
        return ChatResponse.builder().aiMessage(AiMessage.from(script.apply(system.toString(), user.toString()))).build();
    }
}
