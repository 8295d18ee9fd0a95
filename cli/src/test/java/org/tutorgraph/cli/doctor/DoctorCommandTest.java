package org.tutorgraph.cli.doctor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.models.testing.WireFormats;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tutor doctor} against WireMock servers speaking both protocols, and against nothing at all. */
class DoctorCommandTest {

    /** A WireMock server on loopback, started once for the class and reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true)).build();

    static final String KEY = "sk-doctor-test-9f8e7d6c5b4a3210";

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void reset() {
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    }

    private Run doctor(String... args) {
        DoctorCommand doctor = new DoctorCommand();
        doctor.models.environment(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(doctor));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void offlineNeedsNothing() {
        Run r = doctor();
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("Every agent is offline: no model is needed.");
    }

    private void healthyOllama() {
        server.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(WireFormats.ollamaTags("llama3.2:latest", "qwen2.5:3b"))));
        server.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(okJson(WireFormats.ollamaChat("{\"status\": \"ok\"}", 30, 6))));
        server.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson")
                        .withBody(WireFormats.ollamaStream(List.of("Hello ", "there!"), 30, 6))));
    }

    @Test
    void healthyOllamaPassesEveryCheck() {
        healthyOllama();
        Run r = doctor("--backend", "ollama", "--base-url", base(), "--model", "llama3.2");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out())
                .contains("Tutor (hints and feedback): ollama llama3.2 at " + base())
                .contains("ok    server reachable: 2 models listed at " + base() + "/api/tags")
                .contains("ok    model available: llama3.2")
                .contains("ok    structured answer: {\"status\": \"ok\"} parsed (30 prompt + 6 output tokens)")
                .contains("ok    streamed answer: 2 pieces streamed to the end")
                .contains("same model as the tutor: checked above")
                .contains("Prompt templates: the shipped ones\n  ok    every template loads")
                .doesNotContain("Judge")
                .contains("All configured models work.");
        server.verify(1, getRequestedFor(urlEqualTo("/api/tags")));
    }

    @Test
    void aBrokenPromptOverrideIsAProblemWithItsFileAndWhatIsUsedInstead() throws IOException {
        healthyOllama();
        Path xdgPrompts = Files.createDirectories(tmp.resolve("xdg/tutorgraph/prompts"));
        Files.writeString(xdgPrompts.resolve("tutor-probe.md"), "Ask one question.\n");
        Run r = doctor("--backend", "ollama", "--base-url", base(), "--model", "llama3.2", "--no-stream");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Prompt templates: " + xdgPrompts + ", over the shipped ones")
                .contains("  FAIL  " + xdgPrompts.resolve("tutor-probe.md") + ":1: error: ")
                .contains("(using the shipped default instead)")
                .contains("1 problem found.");
    }

    @Test
    void aJudgeSetApartFromTheTutorIsCheckedToo() throws IOException {
        healthyOllama();
        Path cfg = tmp.resolve("config.yaml");
        Files.writeString(cfg, "model: llama3.2\njudge:\n  model: qwen2.5:3b\n");
        Run r = doctor("--config", cfg.toString(), "--backend", "ollama", "--base-url", base(), "--no-stream");
        assertThat(r.exit()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("Judge (prompt tournament): ollama qwen2.5:3b at " + base()).contains("ok    model available: qwen2.5:3b");
    }

    @Test
    void refusedConnectionSaysToStartTheServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = doctor("--backend", "ollama", "--base-url", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  server reachable: unreachable")
                .contains("fix: Is the server running at http://127.0.0.1:" + port + "? Start it with 'ollama serve'")
                .contains("skip  structured answer: fix the problem above first");
    }

    @Test
    void missingModelSaysToPullItAndListsWhatThereIs() {
        server.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(WireFormats.ollamaTags("qwen2.5:3b"))));
        Run r = doctor("--backend", "ollama", "--base-url", base(), "--model", "llama3.2", "--no-stream");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  model available: 'llama3.2' is not among the server's models: qwen2.5:3b")
                .contains("fix: Pull the model: 'ollama pull llama3.2'");
        server.verify(0, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void unauthorizedSaysWhichKeyWasRejectedAndNeverPrintsIt() {
        env.put("OPENAI_API_KEY", KEY);
        // a hostile or careless server that echoes the request's Authorization header in its error
        server.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: {{request.headers.Authorization}}\"}}")));
        Run r = doctor("--backend", "openai", "--base-url", base() + "/v1", "--model", "gpt-4o-mini");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  server reachable: unauthorized: HTTP 401")
                .contains("fix: The server rejected the API key from environment variable OPENAI_API_KEY")
                .contains("key from environment variable OPENAI_API_KEY");
        assertThat(r.out() + r.err()).doesNotContain(KEY).doesNotContain("9f8e7d6c5b4a3210");
        server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization",
                equalTo("Bearer " + KEY)));
    }

    @Test
    void missingKeySaysToSetIt() {
        server.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"no key\"}}")));
        Run r = doctor("--backend", "openai", "--base-url", base() + "/v1", "--model", "gpt-4o-mini", "--no-stream");
        assertThat(r.out()).contains("note  the environment variable OPENAI_API_KEY is not set")
                .contains("No API key was sent (the environment variable OPENAI_API_KEY is not set): set OPENAI_API_KEY");
    }

    @Test
    void openAiCompatibleServerWithoutV1IsSpotted() {
        server.stubFor(get(urlPathEqualTo("/models")).willReturn(aResponse().withStatus(404)));
        server.stubFor(post(urlPathEqualTo("/chat/completions")).willReturn(aResponse().withStatus(404)));
        Run r = doctor("--backend", "openai", "--base-url", base(), "--model", "qwen", "--no-stream");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("no model list at " + base() + "/models (HTTP 404)").contains("end in /v1");
    }

    @Test
    void malformedStructuredAnswerIsExplained() {
        server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(WireFormats.openAiModels("tiny"))));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(WireFormats.openAiCompletion("Sure thing! Status is OK.", 12, 6))));
        Run r = doctor("--backend", "openai", "--base-url", base() + "/v1", "--model", "tiny", "--no-stream");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  structured answer: the reply holds no JSON object: Sure thing! Status is OK.")
                .contains("fix: The reply was not the JSON asked for");
    }

    @Test
    void badConfigIsAUserErrorWithFileAndLine() throws IOException {
        Path cfg = tmp.resolve("config.yaml");
        Files.writeString(cfg, "backend: openai\ntimeout: forever\n");
        Run r = doctor("--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tutor: " + cfg + ":2: 'forever' is not a duration");
    }

    @Test
    void perAgentFlagsAreCheckedSeparately() {
        server.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(WireFormats.ollamaTags("big:latest", "small:latest"))));
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(WireFormats.ollamaChat("{\"status\": \"ok\"}", 30, 6))));
        Run r = doctor("--backend", "ollama", "--base-url", base(), "--model", "big", "--grader-model", "small",
                "--planner-backend", "offline", "--no-stream");
        assertThat(r.exit()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("Diagnostician (grading, misconceptions): ollama small at")
                .contains("Planner (plan rationale): offline (no model)");
        server.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(
                matchingJsonPath("$.model", equalTo("small"))));
        server.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(
                matchingJsonPath("$.model", equalTo("big"))));
    }
}
