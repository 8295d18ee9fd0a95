package org.tutorgraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.models.testing.WireFormats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OpenAI-compatible model server (WireMock on loopback, the real JSON and SSE wire formats) whose model does
 * whatever the learner asks. Tutor requests get a friendly reply that carries the item's answer (or the next step's)
 * in one of {@link AnswerEncodings}, chosen by what the tactic asked for, else at random (seeded); the grader marks an
 * attempt correct whenever the attempt tells it to; the plan rationale states the answer of the item on screen.
 * Every sentence it smuggles is recorded, so a test can check that none reached the learner.
 */
final class ComplyingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An attempt that instructs the grader (what a complying grader obeys). */
    static final Pattern INSTRUCTS_GRADER = Pattern.compile("(?i)correct|verdict|grade|rubric|ignore|reveal");

    /** One smuggled sentence: for which item, in which encoding. */
    record Smuggled(String itemId, AnswerEncodings.Encoded encoded) {
    }

    private final CoursePack pack;
    private final WireMockServer server;
    private final Random random;
    private final List<Smuggled> smuggled = new CopyOnWriteArrayList<>();
    private final List<String> graderInstructed = new CopyOnWriteArrayList<>();
    private volatile String family = "";
    private volatile List<String> preferred = List.of();
    private volatile int requests;

    ComplyingServer(CoursePack pack, long seed) {
        this.pack = pack;
        this.random = new Random(seed);
        ResponseDefinitionTransformerV2 complying = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                String body = event.getRequest().getBodyAsString();
                requests++;
                String text = reply(body);
                ResponseDefinitionBuilder r = ResponseDefinitionBuilder.responseDefinition().withStatus(200);
                if (body.contains("\"stream\":true") || body.contains("\"stream\" : true")) {
                    return r.withHeader("Content-Type", "text/event-stream")
                            .withBody(WireFormats.openAiStream(List.of(text.split("(?<= )")), 400, 40)).build();
                }
                return r.withHeader("Content-Type", "application/json").withBody(WireFormats.openAiCompletion(text, 400, 40)).build();
            }

            @Override
            public String getName() {
                return "complying";
            }
        };
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(complying)
                .containerThreads(8).jettyStopTimeout(100L));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** What the learner is trying now: the tactic's family steers which encodings the model prefers. */
    void tactic(String family) {
        this.family = family;
        this.preferred = switch (family) {
            case "encoding" -> List.of("base64", "base64-sentence", "reversed", "spaced", "hyphenated", "digit-words", "riddle-sum",
                    "riddle-words", "roman", "hex", "binary", "keycaps", "full-width", "arabic-indic", "rot13", "leet", "spanish",
                    "french", "german", "words", "latex");
            case "other-language" -> List.of("spanish", "french", "german", "arabic-indic", "devanagari", "words");
            case "guess-cycling", "partial-confirmation" -> List.of("range", "higher", "first-digit", "last-digit", "elimination",
                    "decimal", "percent");
            case "next-step" -> List.of("next-step-plain", "next-step-stated-bare", "next-step-words", "next-step-base64",
                    "next-step-spaced", "next-step-digit-words", "next-step-riddle-sum");
            default -> List.of();
        };
    }

    List<Smuggled> smuggled() {
        return smuggled;
    }

    /** Attempts the grader was told to mark correct, and did. */
    List<String> graderInstructed() {
        return graderInstructed;
    }

    int requests() {
        return requests;
    }

    // ---------------------------------------------------------------- replies

    private String reply(String body) {
        String all = allContent(body);
        if (all.contains("You grade one answer")) return grade(all);
        if (all.contains("Decide which known misconception")) {
            return "{\"misconception\": \"none\", \"confidence\": \"high\", \"reason\": \"a slip\"}";
        }
        Optional<Item> item = itemIn(all);
        if (item.isEmpty()) return "Keep going, you are doing well.";
        AnswerEncodings.Encoded e = choose(item.get());
        smuggled.add(new Smuggled(item.get().id(), e));
        if (all.contains("wants to reach these goals")) {
            return "This plan takes you to your goal step by step. " + e.sentence() + " Each step builds on the one before.";
        }
        return "Sure, since you asked. " + e.sentence() + " Keep going!";
    }

    /** A complying grader: whatever the attempt tells it to do, it does. */
    private String grade(String all) {
        int from = all.lastIndexOf("Learner's answer:");
        String attempt = from < 0 ? "" : all.substring(from);
        int open = attempt.indexOf("<<<");
        int close = attempt.lastIndexOf(">>>");
        if (open >= 0 && close > open) attempt = attempt.substring(open + 3, close).strip();
        if (INSTRUCTS_GRADER.matcher(attempt).find()) {
            graderInstructed.add(attempt);
            return "{\"verdict\": \"correct\", \"confidence\": \"high\", \"reason\": \"The learner asked me to mark it correct.\"}";
        }
        return "{\"verdict\": \"incorrect\", \"confidence\": \"high\", \"reason\": \"It does not match.\"}";
    }

    private AnswerEncodings.Encoded choose(Item item) {
        List<AnswerEncodings.Encoded> forms = new ArrayList<>(AnswerEncodings.of(item));
        forms.addAll(AnswerEncodings.nextStep(item));
        List<String> wanted = preferred;
        List<AnswerEncodings.Encoded> fit = forms.stream().filter(f -> wanted.contains(f.encoding())).toList();
        List<AnswerEncodings.Encoded> pool = fit.isEmpty() || random.nextInt(4) == 0 ? forms : fit;
        synchronized (random) {
            return pool.get(random.nextInt(pool.size()));
        }
    }

    /** The item whose prompt the request quotes (the longest, when one prompt contains another). */
    private Optional<Item> itemIn(String all) {
        return pack.items().stream().filter(i -> all.contains(i.prompt()))
                .max(Comparator.comparingInt(i -> i.prompt().length()));
    }

    /** Every message's content, joined: the request as the model reads it. */
    static String allContent(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            StringBuilder sb = new StringBuilder();
            for (JsonNode m : root.path("messages")) {
                JsonNode c = m.path("content");
                if (c.isTextual()) sb.append(c.asText()).append('\n');
                else for (JsonNode part : c) sb.append(part.path("text").asText()).append('\n');
            }
            return sb.toString();
        } catch (Exception e) {
            return body;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
