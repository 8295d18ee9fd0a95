package org.tutorgraph.cli.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tournament end to end against a fake OpenAI-compatible server (WireMock on loopback, real wire format
 * {@code POST /v1/chat/completions}). The server plays both the tutor model (its reply depends on the variant's
 * system message) and scripted judges whose preferences are known: socratic > plain > teller on every criterion,
 * and on "no answer revealed" only the teller loses.
 */
class TournamentWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLY = Pattern.compile("Reply ([AB]):\\n<<<\\n(.*?)\\n>>>", Pattern.DOTALL);
    private static final Map<String, Integer> QUALITY = Map.of("socratic", 3, "plain", 2, "teller", 1);
    private static final Map<String, String> REPLIES = Map.of(
            "socratic", "Where on the number line do you start, and which way does adding move you? [q3]",
            "plain", "Think about the signs of the two numbers. [q2]",
            "teller", "That is wrong, it is simply the difference of the sizes. [q1] [tells]");

    /** Answers chat completions: tutor replies by the variant's STYLE marker, judge verdicts by the quality markers. */
    static final class ScriptedServer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode req = JSON.readTree(event.getRequest().getBodyAsString());
                String system = "";
                String user = "";
                for (JsonNode m : req.get("messages")) {
                    if (m.get("role").asText().equals("system")) system = m.get("content").asText();
                    if (m.get("role").asText().equals("user")) user = m.get("content").asText();
                }
                String content = user.contains("Reply A:\n<<<") ? judge(user) : tutor(system);
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(completion(req.get("model").asText(), content)).build();
            } catch (Exception e) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody(e.toString()).build();
            }
        }

        @Override
        public String getName() {
            return "scripted-openai";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        private static String tutor(String system) {
            Matcher m = Pattern.compile("STYLE=(\\w+)").matcher(system);
            return m.find() ? REPLIES.get(m.group(1)) : "A default hint. [q0]";
        }

        private static String judge(String user) {
            Matcher m = REPLY.matcher(user);
            int[] q = new int[2];
            boolean[] tells = new boolean[2];
            while (m.find()) {
                int i = m.group(1).equals("A") ? 0 : 1;
                Matcher qm = Pattern.compile("\\[q(\\d)]").matcher(m.group(2));
                q[i] = qm.find() ? Integer.parseInt(qm.group(1)) : 0;
                tells[i] = m.group(2).contains("[tells]");
            }
            String winner;
            if (user.contains("NO ANSWER REVEALED")) winner = tells[0] == tells[1] ? "tie" : tells[0] ? "B" : "A";
            else winner = q[0] == q[1] ? "tie" : q[0] > q[1] ? "A" : "B";
            return "{\"winner\": \"" + winner + "\", \"reason\": \"scripted\"}";
        }

        private static String completion(String model, String content) throws Exception {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1700000000).put("model", model);
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            return JSON.writeValueAsString(root);
        }
    }

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ScriptedServer()));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withTransformers("scripted-openai")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Test
    void scriptedJudgesProduceTheExpectedRankingAndTheReportFiles(@TempDir Path tmp) throws Exception {
        Path cases = tmp.resolve("cases.yaml");
        assertThat(Cli.run("prompts", "cases", "--from", "course", "--limit", "4", "--out", cases.toString()).code()).isZero();
        Path out = tmp.resolve("results");
        Path v = TournamentTest.VARIANTS;
        Cli r = Cli.run("prompts", "tournament", "--variants", v.resolve("teller") + "," + v.resolve("socratic") + "," + v.resolve("plain"),
                "--cases", cases.toString(), "--judges", "2", "--rounds", "2", "--seed", "11", "--out", out.toString(),
                "--base-url", baseUrl(), "--model", "test-model");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.code()).isZero();

        // 4 cases x 3 variants generations; 4 cases x 3 pairs x 4 criteria x 2 judges verdicts.
        server.verify(12 + 96, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        List<String> ratings = Files.readAllLines(out.resolve("ratings.csv"));
        assertThat(ratings.get(0)).isEqualTo("rank,variant,rating,deviation,volatility,wins,ties,losses");
        assertThat(ratings.subList(1, 4)).map(l -> l.split(",")[1]).containsExactly("socratic", "plain", "teller");
        assertThat(r.out()).contains("Tournament: 3 variants, 4 cases, 2 judges x 4 criteria, 2 rating periods, seed 11: 96 verdicts (0 invalid)")
                .containsPattern("1 +socratic +1\\d\\d\\d\\.\\d")
                .contains("P(row beats column)");
        List<String> criteria = Files.readAllLines(out.resolve("criteria.csv"));
        assertThat(criteria).anySatisfy(l -> assertThat(l).startsWith("no-answer,3,teller,"));
        assertThat(criteria).anySatisfy(l -> assertThat(l).startsWith("format,1,socratic,"));
        // Per pair: 4 cases x 4 criteria x 2 judges = 32 games; socratic and plain tie on "no answer revealed".
        assertThat(Files.readString(out.resolve("pairwise.csv"))).containsPattern("socratic,teller,0\\.99\\d+,32,0,0")
                .containsPattern("socratic,plain,0\\.8\\d+,24,8,0");
        assertThat(Files.readString(out.resolve("outputs.csv"))).contains("[tells]");
        assertThat(Files.readString(out.resolve("report.md"))).startsWith("# Prompt tournament: socratic vs plain vs teller");
        // The judges never saw a variant's name.
        assertThat(server.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("Reply A")
                && (e.getRequest().getBodyAsString().contains("socratic") || e.getRequest().getBodyAsString().contains("teller")));
    }

    @Test
    void anUnauthorisedServerIsAClearUserError(@TempDir Path tmp) {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        Path v = TournamentTest.VARIANTS;
        Cli r = Cli.run("prompts", "tournament", "--variants", v.resolve("socratic") + "," + v.resolve("plain"),
                "--cases", "sample", "--judges", "1", "--base-url", baseUrl(), "--model", "m");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("tutor: a model call failed (" + baseUrl() + ", model m)").contains("Incorrect API key").doesNotContain("at org.");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }
}
