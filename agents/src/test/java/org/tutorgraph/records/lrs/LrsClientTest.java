package org.tutorgraph.records.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutorgraph.records.NameUuid;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LRS push against a WireMock LRS: batches, headers, idempotence by id, retries, and the failures that stop it. */
class LrsClientTest {

    private static final String USER = "tutor-client";
    private static final String PASSWORD = "s3cret-Pa55word-xyz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer lrs;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() {
        lrs = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").jettyStopTimeout(100L));
        lrs.start();
    }

    @AfterAll
    static void stop() {
        lrs.stop();
    }

    @BeforeEach
    void reset() {
        lrs.resetAll();
    }

    private LrsClient client(String prefix, int batch, int attempts, Duration timeout) {
        URI endpoint = LrsClient.endpoint("http://127.0.0.1:" + lrs.port() + prefix + "/xapi/");
        var creds = LrsCredentials.fromEnvironment(Map.of(LrsCredentials.USER, USER, LrsCredentials.PASSWORD, PASSWORD));
        return new LrsClient(new LrsClient.Settings(endpoint, batch, attempts, timeout, Duration.ofMillis(500), Duration.ofSeconds(8)),
                creds, HttpClient.newBuilder().connectTimeout(timeout).build(), waits::add, new Random(1));
    }

    private static List<ObjectNode> statements(int n) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            s.put("id", NameUuid.v5(UUID.fromString("00000000-0000-0000-0000-000000000000"), "s" + i).toString());
            s.putObject("actor").putObject("account").put("homePage", "urn:tutorgraph").put("name", "ada");
            s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/answered");
            s.putObject("object").put("id", "urn:tutorgraph:course/c/item/i" + i);
            out.add(s);
        }
        return out;
    }

    private static List<String> ids(String body) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode s : JSON.readTree(body)) out.add(s.get("id").asText());
        return out;
    }

    @Test
    void postsBatchesWithTheVersionHeaderAndBasicAuth() throws Exception {
        lrs.stubFor(post(urlEqualTo("/ok/xapi/statements")).willReturn(aResponse().withStatus(200).withBody("[]")));
        List<ObjectNode> s = statements(5);
        LrsClient.Report r = client("/ok", 2, 3, Duration.ofSeconds(5)).push(s);

        assertThat(r).isEqualTo(new LrsClient.Report(5, 5, 0, 3, 0));
        List<LoggedRequest> posts = lrs.findAll(postRequestedFor(urlEqualTo("/ok/xapi/statements")));
        assertThat(posts).hasSize(3);
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (LoggedRequest p : posts) {
            assertThat(p.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
            assertThat(p.getHeader("Authorization")).isEqualTo(basic);
            assertThat(p.getHeader("Content-Type")).startsWith("application/json");
        }
        List<String> sent = new ArrayList<>();
        for (LoggedRequest p : posts) sent.addAll(ids(p.getBodyAsString()));
        assertThat(sent).containsExactlyElementsOf(s.stream().map(x -> x.get("id").asText()).toList());
        assertThat(ids(posts.get(2).getBodyAsString())).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesAServerErrorWithBackoffThenSucceeds() throws Exception {
        lrs.stubFor(post(urlEqualTo("/flaky/xapi/statements")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("hurt"));
        lrs.stubFor(post(urlEqualTo("/flaky/xapi/statements")).inScenario("flaky").whenScenarioStateIs("hurt")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("well"));
        lrs.stubFor(post(urlEqualTo("/flaky/xapi/statements")).inScenario("flaky").whenScenarioStateIs("well")
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        LrsClient.Report r = client("/flaky", 10, 5, Duration.ofSeconds(5)).push(statements(3));
        assertThat(r).isEqualTo(new LrsClient.Report(3, 3, 0, 3, 2));
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0).toMillis()).isBetween(400L, 600L);  // 500 ms ± 20%
        assertThat(waits.get(1).toMillis()).isBetween(800L, 1200L); // doubled
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() throws Exception {
        lrs.stubFor(post(urlEqualTo("/busy/xapi/statements")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("free"));
        lrs.stubFor(post(urlEqualTo("/busy/xapi/statements")).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        client("/busy", 10, 3, Duration.ofSeconds(5)).push(statements(1));
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retriesATimeoutAndTheLrsDoesNotDuplicate() throws Exception {
        // the first answer comes too late (the LRS may have stored the batch): the retry is answered 200, and the ids
        // are the same, so an LRS that had stored them keeps one copy
        lrs.stubFor(post(urlEqualTo("/slow/xapi/statements")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("[]").withFixedDelay(1_500)).willSetStateTo("fast"));
        lrs.stubFor(post(urlEqualTo("/slow/xapi/statements")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        LrsClient.Report r = client("/slow", 10, 3, Duration.ofMillis(300)).push(statements(2));
        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.retries()).isEqualTo(1);
        List<LoggedRequest> posts = lrs.findAll(postRequestedFor(urlEqualTo("/slow/xapi/statements")));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).getBodyAsString()).isEqualTo(posts.get(0).getBodyAsString());
    }

    @Test
    void aPartlyStoredBatchIsFinishedStatementByStatement() throws Exception {
        List<ObjectNode> s = statements(3);
        String id0 = s.get(0).get("id").asText();
        // the LRS stored the first statement, then failed; the retry conflicts on it
        lrs.stubFor(post(urlEqualTo("/partial/xapi/statements")).inScenario("partial").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("conflict"));
        lrs.stubFor(post(urlEqualTo("/partial/xapi/statements")).inScenario("partial").whenScenarioStateIs("conflict")
                .willReturn(aResponse().withStatus(409).withBody("{\"message\":\"statement " + id0 + " exists\"}")));
        lrs.stubFor(put(urlPathEqualTo("/partial/xapi/statements")).willReturn(aResponse().withStatus(204)));
        lrs.stubFor(put(urlPathEqualTo("/partial/xapi/statements")).withQueryParam("statementId", equalTo(id0))
                .willReturn(aResponse().withStatus(409)));

        LrsClient.Report r = client("/partial", 10, 3, Duration.ofSeconds(5)).push(s);
        assertThat(r).isEqualTo(new LrsClient.Report(3, 2, 1, 5, 1));
        List<LoggedRequest> puts = lrs.findAll(putRequestedFor(urlPathEqualTo("/partial/xapi/statements")));
        assertThat(puts).extracting(p -> p.queryParameter("statementId").firstValue())
                .containsExactlyElementsOf(s.stream().map(x -> x.get("id").asText()).toList());
        for (LoggedRequest p : puts) {
            assertThat(JSON.readTree(p.getBodyAsString()).get("id").asText()).isEqualTo(p.queryParameter("statementId").firstValue());
            assertThat(p.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
        }
    }

    @Test
    void stopsAtOnceOnBadCredentialsWithoutShowingThem() {
        lrs.stubFor(post(urlEqualTo("/auth/xapi/statements")).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client("/auth", 10, 5, Duration.ofSeconds(5)).push(statements(2)))
                .isInstanceOf(LrsException.class)
                .hasMessageContaining("answered 401 Unauthorized")
                .hasMessageContaining("TUTORGRAPH_LRS_USER")
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(lrs.findAll(postRequestedFor(urlEqualTo("/auth/xapi/statements")))).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void stopsOnARejectedBatchWithTheLrsReason() {
        lrs.stubFor(post(urlEqualTo("/bad/xapi/statements")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"actor must have an IFI\"}")));
        assertThatThrownBy(() -> client("/bad", 10, 5, Duration.ofSeconds(5)).push(statements(1)))
                .isInstanceOf(LrsException.class)
                .hasMessageContaining("400 Bad Request")
                .hasMessageContaining("actor must have an IFI");
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterItsAttemptsAndSaysHowFarItGot() {
        lrs.stubFor(post(urlEqualTo("/down/xapi/statements")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("[]")).willSetStateTo("down"));
        lrs.stubFor(post(urlEqualTo("/down/xapi/statements")).inScenario("down").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)));
        LrsClient c = client("/down", 2, 3, Duration.ofSeconds(5));
        assertThatThrownBy(() -> c.push(statements(4)))
                .isInstanceOf(LrsException.class)
                .hasMessageContaining("failed 3 times")
                .hasMessageContaining("503 Service Unavailable")
                .hasMessageContaining("2 statements were stored before")
                .satisfies(e -> assertThat(((LrsException) e).pushed().stored()).isEqualTo(2));
        assertThat(waits).hasSize(2);
    }

    @Test
    void anUnreachableLrsIsRetriedThenReported() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI endpoint = LrsClient.endpoint("http://127.0.0.1:" + port + "/xapi");
        LrsClient c = new LrsClient(new LrsClient.Settings(endpoint, 5, 2, Duration.ofSeconds(2), Duration.ofMillis(10),
                Duration.ofMillis(10)), Optional.empty(), HttpClient.newHttpClient(), waits::add, new Random(1));
        assertThatThrownBy(() -> c.push(statements(1))).isInstanceOf(LrsException.class)
                .hasMessageContaining("failed 2 times").hasMessageContaining("connection failed");
    }

    @Test
    void checksTheEndpointAndTheCredentials() {
        assertThatThrownBy(() -> LrsClient.endpoint("https://user:pw@lrs.example/xapi"))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> LrsClient.endpoint("ftp://lrs.example/xapi")).hasMessageContaining("https://");
        assertThatThrownBy(() -> LrsClient.endpoint("https://lrs.example/xapi?x=1")).hasMessageContaining("query");
        assertThat(LrsClient.endpoint("https://lrs.example/xapi/")).hasToString("https://lrs.example/xapi/");

        assertThat(LrsCredentials.fromEnvironment(Map.of())).isEmpty();
        var key = LrsCredentials.fromEnvironment(Map.of(LrsCredentials.AUTH, "key1:sec:ret")).orElseThrow();
        assertThat(key.user()).isEqualTo("key1");
        assertThat(key.header()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("key1:sec:ret".getBytes(StandardCharsets.UTF_8)));
        assertThat(key.toString()).doesNotContain("sec:ret").contains("hidden");
        assertThatThrownBy(() -> LrsCredentials.fromEnvironment(Map.of(LrsCredentials.USER, "u")))
                .hasMessageContaining("TUTORGRAPH_LRS_PASSWORD");
        assertThatThrownBy(() -> LrsCredentials.fromEnvironment(Map.of(LrsCredentials.AUTH, "nocolon")))
                .hasMessageContaining("KEY:SECRET");
    }
}
