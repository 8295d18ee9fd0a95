package org.tutorgraph.cli.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.models.testing.WireFormats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tournament end to end through the model backends' configuration and gateway, against fake servers on loopback
 * speaking the real wire formats: OpenAI-compatible ({@code POST /v1/chat/completions}) and Ollama's native API
 * ({@code POST /api/chat}). The server plays both the tutor model (its reply depends on the variant's system message)
 * and scripted judges whose preferences are known: socratic > plain > teller on every criterion, and on "no answer
 * revealed" only the teller loses.
 */
class TournamentWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLY = Pattern.compile("Reply ([AB]):\\n<<<\\n(.*?)\\n>>>", Pattern.DOTALL);
    private static final Map<String, String> REPLIES = Map.of(
            "socratic", "Where on the number line do you start, and which way does adding move you? [q3]",
            "plain", "Think about the signs of the two numbers. [q2]",
            "teller", "That is wrong, it is simply the difference of the sizes. [q1] [tells]");

    /** Answers chat requests in either protocol: tutor replies by the variant's STYLE marker, verdicts by the quality markers. */
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
                if (system.contains("STYLE=broken")) {
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody("model crashed").build();
                }
                String content = user.contains("Reply A:\n<<<") ? judge(user) : tutor(system);
                boolean ollama = event.getRequest().getUrl().startsWith("/api/");
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ollama ? WireFormats.ollamaChat(content, 100, 20) : WireFormats.openAiCompletion(content, 100, 20))
                        .build();
            } catch (Exception e) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody(e.toString()).build();
            }
        }

        @Override
        public String getName() {
            return "scripted-model";
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
    }

    @TempDir
    Path tmp;

    private WireMockServer server;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ScriptedServer()));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withTransformers("scripted-model")));
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withTransformers("scripted-model")));
        // no developer's TUTORGRAPH_* variables, API keys or ~/.config/tutorgraph reach the run
        env = Map.of("HOME", tmp.toString(), "XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String openAiUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    private String variants(String... names) {
        return String.join(",", java.util.Arrays.stream(names).map(n -> TournamentTest.VARIANTS.resolve(n).toString()).toList());
    }

    private Path cases(int n) {
        Path cases = tmp.resolve("cases.yaml");
        assertThat(Cli.run(env, "prompts", "cases", "--from", "course", "--limit", String.valueOf(n), "--out", cases.toString()).exit()).isZero();
        return cases;
    }

    @Test
    void scriptedJudgesProduceTheExpectedRankingAndTheReportFiles() throws Exception {
        Path out = tmp.resolve("results");
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("teller", "socratic", "plain"),
                "--cases", cases(4).toString(), "--judges", "2", "--rounds", "2", "--seed", "11", "--out", out.toString(),
                "--base-url", openAiUrl(), "--model", "test-model");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.exit()).as(r.err()).isZero();

        // 4 cases x 3 variants generations; 4 cases x 3 pairs x 4 criteria x 2 judges verdicts.
        server.verify(12 + 96, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        List<String> ratings = Files.readAllLines(out.resolve("ratings.csv"));
        assertThat(ratings.get(0)).isEqualTo("rank,variant,rating,deviation,volatility,wins,ties,losses");
        assertThat(ratings.subList(1, 4)).map(l -> l.split(",")[1]).containsExactly("socratic", "plain", "teller");
        assertThat(r.out()).contains("Tournament: 3 variants, 4 cases, 2 judges x 4 criteria, 2 rating periods, seed 11: 96 verdicts (0 invalid)")
                .contains("Model calls failed: 0 of 12 replies, 0 of 96 judgements.")
                .containsPattern("1 +socratic +1\\d\\d\\d\\.\\d")
                .contains("P(row beats column)")
                .containsPattern("tutor +12 +0 +1200 +240")
                .containsPattern("judge +96 +0 +9600 +1920");
        assertThat(r.err()).contains("tutor: openai test-model at " + openAiUrl() + " (no API key, timeout 30s, retries 1) (tutor and judges)");
        List<String> criteria = Files.readAllLines(out.resolve("criteria.csv"));
        assertThat(criteria).anySatisfy(l -> assertThat(l).startsWith("no-answer,3,teller,"));
        assertThat(criteria).anySatisfy(l -> assertThat(l).startsWith("format,1,socratic,"));
        // Per pair: 4 cases x 4 criteria x 2 judges = 32 games; socratic and plain tie on "no answer revealed".
        assertThat(Files.readString(out.resolve("pairwise.csv"))).containsPattern("socratic,teller,0\\.99\\d+,32,0,0")
                .containsPattern("socratic,plain,0\\.8\\d+,24,8,0");
        assertThat(Files.readString(out.resolve("outputs.csv"))).startsWith("case,variant,rung,reply,failure").contains("[tells]");
        assertThat(Files.readString(out.resolve("report.md"))).startsWith("# Prompt tournament: socratic vs plain vs teller");
        // The judges never saw a variant's name.
        assertThat(server.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("Reply A")
                && (e.getRequest().getBodyAsString().contains("socratic") || e.getRequest().getBodyAsString().contains("teller")));
    }

    @Test
    void ollamasNativeApiServesTheTutorAndAJudgeModelOfItsOwn() throws Exception {
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("teller", "socratic"),
                "--cases", cases(2).toString(), "--judges", "1", "--criteria", "format", "--seed", "3", "--temperature", "0.2",
                "--backend", "ollama", "--base-url", "http://127.0.0.1:" + server.port(), "--model", "llama3.2",
                "--judge-model", "qwen2.5:14b");
        assertThat(r.exit()).as(r.err()).isZero();
        // 2 cases x 2 variants generations by the tutor's model, 2 cases x 1 pair judged by the judge's model
        server.verify(4, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2"))));
        server.verify(2, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5:14b"))));
        server.verify(6, postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.options.temperature", equalTo("0.2"))));
        server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(r.out()).containsPattern("1 +socratic").contains("Model calls failed: 0 of 4 replies, 0 of 2 judgements.");
        assertThat(r.err()).contains("(tutor); judges: ollama qwen2.5:14b at http://127.0.0.1:" + server.port());
    }

    @Test
    void theJudgesTemplatesComeFromTheSameLayeredFoldersAsEveryOtherCommand() throws Exception {
        Path xdgPrompts = Files.createDirectories(tmp.resolve("xdg/tutorgraph/prompts"));
        String shipped = Cli.run(env, "prompts", "show", "judge-format").out();
        Files.writeString(xdgPrompts.resolve("judge-format.md"), shipped.replace("You are {{judgePersona}}.",
                "You are {{judgePersona}}. CUSTOM JUDGE FROM XDG."));
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("teller", "socratic"), "--cases", cases(1).toString(),
                "--judges", "1", "--criteria", "format", "--base-url", openAiUrl(), "--model", "m");
        assertThat(r.exit()).as(r.err()).isZero();
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("CUSTOM JUDGE FROM XDG")));
    }

    @Test
    void failedGenerationsAreCountedAndTheRestIsStillJudged(@TempDir Path variantsDir) throws Exception {
        Path broken = Files.createDirectories(variantsDir.resolve("broken"));
        Files.writeString(broken.resolve("tutor-system.md"), Files.readString(TournamentTest.VARIANTS.resolve("plain/tutor-system.md"))
                .replace("STYLE=plain", "STYLE=broken"));
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("teller", "socratic") + "," + broken,
                "--cases", cases(3).toString(), "--judges", "1", "--criteria", "format", "--retries", "0",
                "--base-url", openAiUrl(), "--model", "m");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Model calls failed: 3 of 9 replies, 0 of 3 judgements. 6 comparisons were not judged: a reply was missing.")
                .contains("tutor model (openai " + openAiUrl() + "): server-error: HTTP 500: model crashed Fix: The server failed while answering")
                .containsPattern("1 +socratic");
        assertThat(r.err()).contains("tutor model (openai " + openAiUrl() + "): server-error");
    }

    @Test
    void anUnauthorisedServerIsAClearUserErrorAfterOneCall() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(WireFormats.openAiError("Incorrect API key provided", "invalid_request_error"))));
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("socratic", "plain"),
                "--cases", "sample", "--judges", "1", "--base-url", openAiUrl(), "--model", "m");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tutor: no comparison could be made. Model calls failed: 32 of 32 replies")
                .contains("tutor model (openai " + openAiUrl() + "): unauthorized: HTTP 401")
                .contains("Incorrect API key provided")
                .contains("Fix: No API key was sent (the environment variable OPENAI_API_KEY is not set)")
                .doesNotContain("at org.");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theApiKeyIsSentButNeverPrintedEvenWhenTheServerEchoesIt() {
        String key = "sk-tournament-test-0a1b2c3d4e5f6789";
        server.resetAll();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: {{request.headers.Authorization}}\"}}")
                .withTransformers("response-template")));
        Map<String, String> withKey = new java.util.HashMap<>(env);
        withKey.put("OPENAI_API_KEY", key);
        Cli.Run r = Cli.run(withKey, "prompts", "tournament", "--variants", variants("socratic", "plain"),
                "--cases", "sample", "--judges", "1", "--base-url", openAiUrl(), "--model", "m");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unauthorized").contains("rejected the API key from environment variable OPENAI_API_KEY");
        assertThat(r.out() + r.err()).doesNotContain(key).doesNotContain("0a1b2c3d4e5f6789");
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + key)));
        assertThat(server.getAllServeEvents()).as("the server did echo the key").anySatisfy(e ->
                assertThat(e.getResponse().getBodyAsString()).contains(key));
    }

    @Test
    void theOfflineBackendExplainsThatATournamentNeedsAModel() {
        Cli.Run r = Cli.run(env, "prompts", "tournament", "--variants", variants("socratic", "plain"), "--cases", "sample", "--judges", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("tutor prompts tournament needs a model: the offline backend has none")
                .contains("--backend ollama --model llama3.1");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }
}
