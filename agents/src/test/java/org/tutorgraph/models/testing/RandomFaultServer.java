package org.tutorgraph.models.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OpenAI-compatible WireMock server that answers each chat request with a fault drawn from a seeded random
 * generator: a good answer (whole JSON or SSE with usage and {@code [DONE]}), 500, 503, 429, 401, malformed JSON, a
 * response slower than the client's timeout, a body that trickles, a stream cut before {@code [DONE]}, a connection
 * reset, an empty response. Loopback only. For fault suites (issue 9 can reuse it).
 */
public final class RandomFaultServer implements AutoCloseable {

    /** What the server does to one request. */
    public enum Behaviour { OK, HTTP_500, HTTP_503, HTTP_429, HTTP_401, MALFORMED, SLOW, TRICKLE, CUT_STREAM, RESET, EMPTY }

    private final WireMockServer server;
    private final Map<Behaviour, Integer> served = new EnumMap<>(Behaviour.class);

    /**
     * @param seed     seeds the choice of behaviour
     * @param slowMs   delay of a slow response (make it longer than the client's timeout)
     * @param okWeight how many times more likely a good answer is than each fault
     * @param answer   the text of a good answer to a request body
     */
    public RandomFaultServer(long seed, int slowMs, int okWeight, Function<String, String> answer) {
        Random random = new Random(seed);
        List<Behaviour> all = List.of(Behaviour.values());
        ResponseDefinitionTransformerV2 faults = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                boolean stream = event.getRequest().getBodyAsString().contains("\"stream\":true")
                        || event.getRequest().getBodyAsString().contains("\"stream\" : true");
                Behaviour b;
                synchronized (served) {
                    int pick = random.nextInt(okWeight + all.size() - 1);
                    b = pick < okWeight ? Behaviour.OK : all.get(pick - okWeight + 1);
                    served.merge(b, 1, Integer::sum);
                }
                String text = answer.apply(event.getRequest().getBodyAsString());
                ResponseDefinitionBuilder r = ResponseDefinitionBuilder.responseDefinition();
                return (switch (b) {
                    case OK -> stream
                            ? r.withStatus(200).withHeader("Content-Type", "text/event-stream")
                            .withBody(WireFormats.openAiStream(words(text), 600, 40))
                            : r.withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(WireFormats.openAiCompletion(text, 600, 40));
                    case HTTP_500 -> r.withStatus(500).withBody("internal error");
                    case HTTP_503 -> r.withStatus(503).withBody("overloaded");
                    case HTTP_429 -> r.withStatus(429).withBody(WireFormats.openAiError("Rate limit reached", "rate_limit_exceeded"));
                    case HTTP_401 -> r.withStatus(401).withBody(WireFormats.openAiError("bad key", "invalid_request_error"));
                    case MALFORMED -> r.withStatus(200).withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                            .withBody(stream ? "data: {\"choices\": [ {\"delta\": \n\ndata: [DONE]\n\n" : "{\"choices\": [ {\"message\": ");
                    case SLOW -> r.withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(WireFormats.openAiCompletion(text, 1, 1)).withFixedDelay(slowMs);
                    case TRICKLE -> r.withStatus(200).withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                            .withBody(stream ? WireFormats.openAiStream(words(text), 1, 1) : WireFormats.openAiCompletion(text, 1, 1))
                            .withChunkedDribbleDelay(8, slowMs * 3);
                    case CUT_STREAM -> stream
                            ? r.withStatus(200).withHeader("Content-Type", "text/event-stream")
                            .withBody(WireFormats.openAiStreamWithoutEnd(words(text).subList(0, Math.max(1, words(text).size() / 2))))
                            : r.withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(WireFormats.openAiCompletion(text, 1, 1).substring(0, 40));
                    case RESET -> r.withFault(Fault.CONNECTION_RESET_BY_PEER);
                    case EMPTY -> r.withFault(Fault.EMPTY_RESPONSE);
                }).build();
            }

            @Override
            public String getName() {
                return "random-faults";
            }
        };
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(faults)
                .containerThreads(16).jettyStopTimeout(100L));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    /** The base URL of the OpenAI-compatible API ({@code …/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** How often each behaviour was served. */
    public Map<Behaviour, Integer> served() {
        synchronized (served) {
            return Map.copyOf(served);
        }
    }

    private static List<String> words(String text) {
        return List.of(text.split("(?<= )"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
