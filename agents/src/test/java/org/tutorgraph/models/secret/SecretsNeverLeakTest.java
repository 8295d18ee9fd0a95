package org.tutorgraph.models.secret;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutorgraph.models.call.ModelFactory;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.ConfigLayer;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.SettingsResolver;
import org.tutorgraph.models.config.Sourced;
import org.tutorgraph.models.doctor.Check;
import org.tutorgraph.models.doctor.ModelDoctor;
import org.tutorgraph.models.doctor.RoleReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that echoes the request's {@code Authorization} header into every error it returns, and every way our code
 * reports it: failure details and advice, settings, the doctor's report, and everything written to stdout/stderr
 * (langchain4j's logging included, at debug level in this module's tests). The key must appear nowhere.
 */
class SecretsNeverLeakTest {

    static final String KEY = "sk-proj-LEAKCANARY-7c1e9a2b4d6f8e0a";
    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
        server.start();
        String echo = "{\"error\":{\"message\":\"request had {{request.headers.Authorization}}\",\"type\":\"x\"}}";
        server.stubFor(get(urlEqualTo("/e401/v1/models")).willReturn(aResponse().withStatus(401).withBody(echo)));
        server.stubFor(post(urlEqualTo("/e401/v1/chat/completions")).willReturn(aResponse().withStatus(401).withBody(echo)));
        server.stubFor(post(urlEqualTo("/e500/v1/chat/completions")).willReturn(aResponse().withStatus(500).withBody(echo)));
        server.stubFor(post(urlEqualTo("/e400/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withBody("Bad request. Authorization: {{request.headers.Authorization}} api_key={{request.headers.Authorization}}")));
        server.stubFor(post(urlEqualTo("/html/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>proxy saw {{request.headers.Authorization}}</html>")));
        server.stubFor(post(urlEqualTo("/sse/v1/chat/completions")).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody("event: error\ndata: {\"error\": \"bad key {{request.headers.Authorization}}\"}\n\n")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private Settings settings(String prefix) {
        Map<String, Sourced> flags = new LinkedHashMap<>();
        flags.put("backend", new Sourced("openai", "--backend"));
        flags.put("baseUrl", new Sourced("http://127.0.0.1:" + server.port() + prefix + "/v1", "--base-url"));
        flags.put("retries", new Sourced("1", "--retries"));
        return SettingsResolver.resolve(List.of(new ConfigLayer("flags", flags)),
                Map.of("OPENAI_API_KEY", KEY, "HOME", "/nonexistent"), Optional.empty());
    }

    @Test
    void keyAppearsInNoMessageLogOrReport() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> produced = new ArrayList<>();
        try {
            System.setOut(capture);
            System.setErr(capture);
            ChatRequest hi = ChatRequest.builder().messages(UserMessage.from("hi")).build();
            for (String prefix : List.of("/e401", "/e500", "/e400", "/html", "/sse")) {
                Settings s = settings(prefix);
                produced.add(s.toString());
                produced.add(s.tutor().describe());
                UsageMeter meter = new UsageMeter();
                ModelGateway g = new ModelFactory(s, meter).gateway(ModelRole.TUTOR);
                for (ModelResult<?> r : List.of(g.chat(hi), g.stream(hi, t -> true))) {
                    ModelFailure f = r.failureIfAny().orElseThrow(() -> new AssertionError(prefix + " should fail"));
                    produced.add(f.summary());
                    produced.add(f.detail());
                    produced.add(f.advice());
                    produced.add(f.toString());
                    produced.add(f.studentNote());
                }
                produced.addAll(meter.report());
            }
            for (RoleReport r : new ModelDoctor().run(settings("/e401"))) {
                produced.add(r.settings().toString());
                for (Check c : r.checks()) produced.add(c.toString());
            }
            produced.add(Redactor.describe(new RuntimeException("failed with header Authorization: Bearer " + KEY,
                    new IllegalStateException(KEY)), 500));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String everything = String.join("\n", produced) + "\n" + captured.toString(StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(KEY).doesNotContain("LEAKCANARY");
        // the server did echo the header: the scrubber, not luck, kept it out
        assertThat(everything).contains("request had Bearer " + Redactor.MASK);
        assertThat(everything).contains("key from environment variable OPENAI_API_KEY");
    }

    @Test
    void apiKeyPrintsItsSourceOnly() {
        ApiKey k = new ApiKey("  gsk_live_ABCDEF0123456789  ", "file /home/a/key");
        assertThat(k.toString()).isEqualTo("ApiKey[from file /home/a/key]");
        assertThat(k.reveal()).isEqualTo("gsk_live_ABCDEF0123456789");
        assertThat(Redactor.scrub("the key gsk_live_ABCDEF0123456789 was refused")).isEqualTo("the key [redacted] was refused");
    }

    @Test
    void credentialShapedTextIsScrubbedEvenWhenUnregistered() {
        assertThat(Redactor.scrub("Authorization: Bearer abc.def-123_xyz")).isEqualTo("Authorization: [redacted]");
        assertThat(Redactor.scrub("{\"api_key\": \"zzz-111-222\"}")).isEqualTo("{\"api_key\": \"[redacted]\"}");
        assertThat(Redactor.scrub("use sk-abcdefghijkl0123")).isEqualTo("use [redacted]");
        assertThat(Redactor.scrub("x-api-key=QWERTY12345")).isEqualTo("x-api-key=[redacted]");
        assertThat(Redactor.scrub("The answer is 12; think about the sign.")).isEqualTo("The answer is 12; think about the sign.");
    }
}
