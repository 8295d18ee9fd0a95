package org.tutorgraph.models.call;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.models.testing.WireFormats.ollamaStreamWithoutEnd;
import static org.tutorgraph.models.testing.WireFormats.openAiCompletion;
import static org.tutorgraph.models.testing.WireFormats.openAiError;
import static org.tutorgraph.models.testing.WireFormats.openAiStreamWithoutEnd;

/**
 * Every fault a model server can produce ends as a typed failure, within bounded time, with the right retries. Slow
 * stubs get their own path prefix: a request that timed out is logged by WireMock after the reset and would leak into
 * the next test's counts.
 */
class GatewayFaultTest {

    /** A WireMock server on loopback, started once for the class and reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1").asynchronousResponseEnabled(true)).build();

    final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void reset() {
        sleeps.clear();
    }

    private ModelSettings settings(Backend backend, String prefix, Duration timeout, int retries) {
        String base = "http://127.0.0.1:" + server.getPort() + prefix + (backend == Backend.OPENAI ? "/v1" : "");
        return ModelSettings.of(ModelRole.TUTOR, backend, base, "test-model").withTimeout(timeout).withRetries(retries);
    }

    private ModelGateway gateway(ModelSettings s) {
        return gateway(s, new CircuitBreaker(), new UsageMeter());
    }

    private ModelGateway gateway(ModelSettings s, CircuitBreaker breaker, UsageMeter meter) {
        return new ModelGateway(s, ModelFactory.chatModel(s).orElseThrow(), ModelFactory.streamingChatModel(s).orElseThrow(),
                breaker, meter, sleeps::add);
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().messages(UserMessage.from("hello")).build();
    }

    private static ModelFailure.Kind kind(ModelResult<?> r) {
        return r.failureIfAny().orElseThrow(() -> new AssertionError("expected a failure, got " + r)).kind();
    }

    @Test
    void rateLimitIsRetriedWithBackoffThenSucceeds() {
        server.stubFor(post(urlEqualTo("/rl/v1/chat/completions")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(openAiError("Rate limit reached", "rate_limit_exceeded")))
                .willSetStateTo("second"));
        server.stubFor(post(urlEqualTo("/rl/v1/chat/completions")).inScenario("rl").whenScenarioStateIs("second")
                .willReturn(okJson(openAiCompletion("ok", 3, 1))));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/rl", Duration.ofSeconds(5), 1)).chat(hello());
        assertThat(r.isOk()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
        server.verify(2, postRequestedFor(urlEqualTo("/rl/v1/chat/completions")));
    }

    @Test
    void serverErrorsAreRetriedAtMostRetriesTimesWithGrowingBackoff() {
        server.stubFor(post(urlEqualTo("/5xx/v1/chat/completions")).willReturn(aResponse().withStatus(503).withBody("overloaded")));
        UsageMeter meter = new UsageMeter();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/5xx", Duration.ofSeconds(5), 2),
                new CircuitBreaker(5, Duration.ofMinutes(1), java.time.Clock.systemUTC()), meter).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.SERVER_ERROR);
        assertThat(r.failureIfAny().get().detail()).contains("503").contains("overloaded");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        server.verify(3, postRequestedFor(urlEqualTo("/5xx/v1/chat/completions")));
        assertThat(meter.total().calls()).isEqualTo(1);
        assertThat(meter.total().failures()).isEqualTo(1);
    }

    @Test
    void unauthorizedIsNotRetriedAndSaysToSetTheKey() {
        server.stubFor(post(urlEqualTo("/auth/v1/chat/completions"))
                .willReturn(aResponse().withStatus(401).withBody(openAiError("Incorrect API key provided", "invalid_request_error"))));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/auth", Duration.ofSeconds(5), 3)).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.UNAUTHORIZED);
        assertThat(r.failureIfAny().get().advice()).contains("OPENAI_API_KEY");
        assertThat(sleeps).isEmpty();
        server.verify(1, postRequestedFor(urlEqualTo("/auth/v1/chat/completions")));
    }

    @Test
    void missingOllamaModelSaysToPullIt() {
        server.stubFor(post(urlEqualTo("/nf/api/chat"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model 'test-model' not found\"}")));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OLLAMA, "/nf", Duration.ofSeconds(5), 1)).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.MODEL_NOT_FOUND);
        assertThat(r.failureIfAny().get().advice()).contains("ollama pull test-model");
    }

    @Test
    void malformedBodyIsMalformed() {
        server.stubFor(post(urlEqualTo("/bad/v1/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": [ oops")));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/bad", Duration.ofSeconds(5), 1)).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.MALFORMED);
        server.verify(1, postRequestedFor(urlEqualTo("/bad/v1/chat/completions")));
    }

    @Test
    void malformedChunkInsideAStreamFailsTheStream() {
        server.stubFor(post(urlEqualTo("/badsse/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(openAiStreamWithoutEnd(List.of("Think ")) + "data: {\"choices\": [ oops\n\ndata: [DONE]\n\n")));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/badsse", Duration.ofSeconds(5), 1)).stream(hello(), t -> true);
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.MALFORMED);
    }

    @Test
    void openAiStreamCutBeforeDoneIsTruncatedNotComplete() {
        server.stubFor(post(urlEqualTo("/cut/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(openAiStreamWithoutEnd(List.of("The answer ", "is"))))) ;
        List<String> seen = new ArrayList<>();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/cut", Duration.ofSeconds(5), 1)).stream(hello(), seen::add);
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.TRUNCATED);
        // the words, not their chunking: the gateway may hold back a chunk's end that could begin an API key
        assertThat(String.join("", seen)).isEqualTo("The answer is");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void ollamaStreamCutBeforeDoneIsTruncatedAtOnce() {
        server.stubFor(post(urlEqualTo("/cut/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(ollamaStreamWithoutEnd(List.of("The answer ", "is")))));
        long start = System.nanoTime();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OLLAMA, "/cut", Duration.ofSeconds(20), 1)).stream(hello(), t -> true);
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.TRUNCATED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void connectionResetMidStreamIsAFailure() {
        server.stubFor(post(urlEqualTo("/reset/v1/chat/completions")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/reset", Duration.ofSeconds(5), 0)).stream(hello(), t -> true);
        assertThat(r.isOk()).isFalse();
        assertThat(kind(r)).isIn(ModelFailure.Kind.SERVER_ERROR, ModelFailure.Kind.TRUNCATED);
    }

    @Test
    void refusedConnectionIsUnreachableAndQuick() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelSettings s = ModelSettings.of(ModelRole.TUTOR, Backend.OPENAI, "http://127.0.0.1:" + port + "/v1", "m")
                .withTimeout(Duration.ofSeconds(20));
        long start = System.nanoTime();
        ModelResult<ChatResponse> r = gateway(s).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.UNREACHABLE);
        assertThat(r.failureIfAny().get().advice()).contains("Is the server running at http://127.0.0.1:" + port + "/v1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        ModelResult<ChatResponse> streamed = gateway(s).stream(hello(), t -> true);
        assertThat(kind(streamed)).isEqualTo(ModelFailure.Kind.UNREACHABLE);
    }

    @Test
    void slowHeadersTimeOutWithinTheTimeout() {
        server.stubFor(post(urlPathMatching("/slow1/v1/chat/completions")).willReturn(okJson(openAiCompletion("late", 1, 1)).withFixedDelay(3000)));
        long start = System.nanoTime();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/slow1", Duration.ofMillis(400), 2)).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.TIMEOUT);
        assertThat(sleeps).as("a timeout is not retried").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void bodyTricklingSlowerThanTheTimeoutIsCut() {
        server.stubFor(post(urlPathMatching("/slow2/v1/chat/completions"))
                .willReturn(okJson(openAiCompletion("a trickling answer that takes its time", 1, 1)).withChunkedDribbleDelay(20, 4000)));
        long start = System.nanoTime();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OPENAI, "/slow2", Duration.ofMillis(500), 0)).chat(hello());
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void streamThatStallsIsCutAfterTheTimeout() {
        server.stubFor(post(urlPathMatching("/slow3/api/chat")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(ollamaStreamWithoutEnd(List.of("a", "b", "c", "d", "e", "f", "g", "h"))).withChunkedDribbleDelay(8, 8000)));
        long start = System.nanoTime();
        ModelResult<ChatResponse> r = gateway(settings(Backend.OLLAMA, "/slow3", Duration.ofMillis(400), 0)).stream(hello(), t -> true);
        assertThat(kind(r)).isEqualTo(ModelFailure.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
    }

    @Test
    void breakerSkipsADeadServerAfterTwoFailures() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelSettings s = ModelSettings.of(ModelRole.TUTOR, Backend.OLLAMA, "http://127.0.0.1:" + port, "m");
        ModelGateway g = gateway(s, new CircuitBreaker(), new UsageMeter());
        assertThat(kind(g.chat(hello()))).isEqualTo(ModelFailure.Kind.UNREACHABLE);
        assertThat(kind(g.chat(hello()))).isEqualTo(ModelFailure.Kind.UNREACHABLE);
        assertThat(kind(g.chat(hello()))).isEqualTo(ModelFailure.Kind.CIRCUIT_OPEN);
        assertThat(g.circuitOpen()).isTrue();
    }
}
