package org.tutorgraph.models.call;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutorgraph.models.config.ConfigLayer;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.SettingsResolver;
import org.tutorgraph.models.config.Sourced;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.models.testing.WireFormats.ollamaChat;
import static org.tutorgraph.models.testing.WireFormats.openAiCompletion;

/** Each agent's setting sends its calls to its own server, with its own model and key. */
class PerAgentServersTest {

    static WireMockServer openai;
    static WireMockServer ollama;

    @BeforeAll
    static void start() {
        openai = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ollama = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        openai.start();
        ollama.start();
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(openAiCompletion("from openai", 11, 2))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(ollamaChat("from ollama", 22, 3))));
    }

    @AfterAll
    static void stop() {
        openai.stop();
        ollama.stop();
    }

    @Test
    void tutorAndGraderReachTheirOwnServers() {
        Map<String, String> env = Map.of("HOME", "/nonexistent", "TUTOR_KEY", "tk-0123456789abcdef");
        Map<String, Sourced> flags = new LinkedHashMap<>();
        flags.put("tutor.backend", new Sourced("openai", "--tutor-backend"));
        flags.put("tutor.baseUrl", new Sourced("http://127.0.0.1:" + openai.port() + "/v1", "--tutor-base-url"));
        flags.put("tutor.model", new Sourced("big-tutor", "--tutor-model"));
        flags.put("tutor.apiKeyEnv", new Sourced("TUTOR_KEY", "--tutor-api-key-env"));
        flags.put("grader.backend", new Sourced("ollama", "--grader-backend"));
        flags.put("grader.baseUrl", new Sourced("http://127.0.0.1:" + ollama.port(), "--grader-base-url"));
        flags.put("grader.model", new Sourced("small-grader", "--grader-model"));
        Settings settings = SettingsResolver.resolve(List.of(new ConfigLayer("flags", flags)), env, Optional.empty());

        UsageMeter meter = new UsageMeter();
        ModelFactory factory = new ModelFactory(settings, meter);
        ChatRequest hi = ChatRequest.builder().messages(UserMessage.from("hi")).build();
        assertThat(factory.gateway(ModelRole.TUTOR).chat(hi).valueIfOk().orElseThrow().aiMessage().text()).isEqualTo("from openai");
        assertThat(factory.gateway(ModelRole.GRADER).chat(hi).valueIfOk().orElseThrow().aiMessage().text()).isEqualTo("from ollama");
        assertThat(factory.gateway(ModelRole.PLANNER).available()).isFalse();

        openai.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer tk-0123456789abcdef"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("big-tutor"))));
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat"))
                .withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.model", equalTo("small-grader"))));
        assertThat(meter.totals().get(ModelRole.TUTOR)).isEqualTo(new Usage(1, 0, 11, 2, 0));
        assertThat(meter.totals().get(ModelRole.GRADER)).isEqualTo(new Usage(1, 0, 22, 3, 0));
    }
}
