package org.tutorgraph.models.call;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.models.testing.WireFormats.ollamaChat;
import static org.tutorgraph.models.testing.WireFormats.ollamaStream;
import static org.tutorgraph.models.testing.WireFormats.openAiCompletion;
import static org.tutorgraph.models.testing.WireFormats.openAiStream;

/** Both protocols on the wire, whole and streamed, with token usage reaching the meter. */
class GatewayContractTest {

    /** A WireMock server on loopback, started once for the class and reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private ModelGateway gateway(Backend backend, UsageMeter meter) {
        String base = "http://127.0.0.1:" + server.getPort() + (backend == Backend.OPENAI ? "/v1" : "");
        ModelSettings s = ModelSettings.of(ModelRole.TUTOR, backend, base, "test-model").withTimeout(Duration.ofSeconds(5));
        return new ModelGateway(s, ModelFactory.chatModel(s).orElseThrow(), ModelFactory.streamingChatModel(s).orElseThrow(),
                new CircuitBreaker(), meter, d -> { });
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().messages(UserMessage.from("hello")).build();
    }

    @Test
    void openAiWholeAnswerCarriesTextAndUsage() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(openAiCompletion("Think about x.", 42, 7))));
        UsageMeter meter = new UsageMeter();
        ModelResult<ChatResponse> r = gateway(Backend.OPENAI, meter).chat(hello());
        assertThat(r.valueIfOk()).get().extracting(c -> c.aiMessage().text()).isEqualTo("Think about x.");
        assertThat(meter.total()).isEqualTo(new Usage(1, 0, 42, 7, 0));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("hello"))));
    }

    @Test
    void openAiStreamDeliversTokensInOrderAndFinalUsageChunk() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(openAiStream(List.of("Think ", "about ", "x."), 40, 3))));
        UsageMeter meter = new UsageMeter();
        List<String> tokens = new ArrayList<>();
        ModelResult<ChatResponse> r = gateway(Backend.OPENAI, meter).stream(hello(), t -> tokens.add(t));
        assertThat(tokens).containsExactly("Think ", "about ", "x.");
        assertThat(r.valueIfOk()).get().extracting(c -> c.aiMessage().text()).isEqualTo("Think about x.");
        assertThat(meter.total()).isEqualTo(new Usage(1, 0, 40, 3, 0));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    private static final Structured PING = new Structured("ping", java.util.Map.of("status", List.of("ok")));

    @Test
    void openAiStructuredRequestSendsTheJsonSchema() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(openAiCompletion("{\"status\": \"ok\"}", 9, 4))));
        ModelGateway g = gateway(Backend.OPENAI, new UsageMeter());
        ModelResult<ChatResponse> r = g.chat(PING.request(List.of(UserMessage.from("ping")), g.settings()));
        assertThat(PING.parse(r.valueIfOk().orElseThrow(), g.settings()).valueIfOk()).contains(java.util.Map.of("status", "ok"));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("ping")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.status.enum[0]", equalTo("ok")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.required[0]", equalTo("status"))));
    }

    @Test
    void openAiJsonModeAndPromptModeOnTheWire() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(openAiCompletion("{\"status\": \"ok\"}", 9, 4))));
        ModelGateway g = gateway(Backend.OPENAI, new UsageMeter());
        var json = g.settings().withStructuredOutput(org.tutorgraph.models.config.StructuredOutput.JSON);
        g.chat(PING.request(List.of(UserMessage.from("json mode")), json));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("json mode")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
        var prompt = g.settings().withStructuredOutput(org.tutorgraph.models.config.StructuredOutput.PROMPT);
        g.chat(PING.request(List.of(UserMessage.from("prompt mode")), prompt));
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("prompt mode")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("response_format")));
    }

    @Test
    void ollamaStructuredRequestSendsTheSchemaAsFormat() {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(ollamaChat("{\"status\": \"ok\"}", 9, 4))));
        ModelGateway g = gateway(Backend.OLLAMA, new UsageMeter());
        ModelResult<ChatResponse> r = g.chat(PING.request(List.of(UserMessage.from("ping")), g.settings()));
        assertThat(PING.parse(r.valueIfOk().orElseThrow(), g.settings()).isOk()).isTrue();
        server.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.format.type", equalTo("object")))
                .withRequestBody(matchingJsonPath("$.format.properties.status.enum[0]", equalTo("ok"))));
    }

    @Test
    void ollamaWholeAnswerCarriesTextAndEvalCounts() {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(ollamaChat("Think about x.", 36, 8))));
        UsageMeter meter = new UsageMeter();
        ModelResult<ChatResponse> r = gateway(Backend.OLLAMA, meter).chat(hello());
        assertThat(r.valueIfOk()).get().extracting(c -> c.aiMessage().text()).isEqualTo("Think about x.");
        assertThat(meter.total()).isEqualTo(new Usage(1, 0, 36, 8, 0));
        server.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("false"))));
    }

    @Test
    void ollamaNdjsonStreamEndsWithDoneAndCounts() {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(ollamaStream(List.of("Think ", "about ", "x."), 36, 3))));
        UsageMeter meter = new UsageMeter();
        List<String> tokens = new ArrayList<>();
        ModelResult<ChatResponse> r = gateway(Backend.OLLAMA, meter).stream(hello(), t -> tokens.add(t));
        assertThat(tokens).containsExactly("Think ", "about ", "x.");
        assertThat(r.valueIfOk()).get().extracting(c -> c.aiMessage().text()).isEqualTo("Think about x.");
        assertThat(meter.total()).isEqualTo(new Usage(1, 0, 36, 3, 0));
        server.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }
}
