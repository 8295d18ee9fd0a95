package org.tutorgraph.models.doctor;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.Failures;
import org.tutorgraph.models.call.ModelFactory;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.call.Structured;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each configured model end to end, in the order a problem is easiest to fix: the server answers and lists its
 * models (OpenAI {@code GET /models}, Ollama {@code GET /api/tags}); the configured model is among them; a tiny
 * structured answer ({@code {"status": "ok"}}) comes back through the same path grading uses and validates; for the
 * tutor with streaming on, a short answer streams to its end. Each failure says what to fix. Agents with identical
 * settings are checked once. The tournament's judge is listed only when its model differs from the tutor's.
 */
public final class ModelDoctor {

    static final Structured PING = new Structured("ping", Map.of("status", List.of("ok")));
    static final String PING_PROMPT = "This is a connection test. Reply with exactly this JSON object and nothing else: {\"status\": \"ok\"}";
    static final String STREAM_PROMPT = "This is a connection test. Reply with one short friendly sentence.";
    private static final int MAX_LISTED = 12;

    /** Runs every check for every agent of {@code settings}. */
    public List<RoleReport> run(Settings settings) {
        List<RoleReport> reports = new ArrayList<>();
        for (ModelRole role : ModelRole.values()) {
            ModelSettings s = settings.model(role);
            if (!role.inSession() && (s.offline() || s.sameModelAs(settings.tutor()))) continue;  // the judge: only when set apart
            if (s.offline()) {
                reports.add(new RoleReport(role, s, List.of(), Optional.empty()));
                continue;
            }
            Optional<ModelRole> same = reports.stream().filter(r -> !r.settings().offline() && r.settings().sameModelAs(s))
                    .map(RoleReport::role).findFirst();
            boolean stream = role == ModelRole.TUTOR && settings.stream();
            if (same.isPresent() && !stream) {
                reports.add(new RoleReport(role, s, List.of(), same));
                continue;
            }
            reports.add(new RoleReport(role, s, check(s, stream), Optional.empty()));
        }
        return reports;
    }

    /** The checks for one model. */
    public List<Check> check(ModelSettings s, boolean stream) {
        List<Check> checks = new ArrayList<>();
        long t0 = System.nanoTime();
        ModelResult<List<String>> listed = ModelFactory.listModels(s);
        Duration took = since(t0);
        boolean canChat = true;
        if (listed instanceof ModelResult.Failed<List<String>> f) {
            ModelFailure fail = f.failure();
            if (fail.kind() == ModelFailure.Kind.MODEL_NOT_FOUND) {
                // the server answered but has no model list at this path: say so, and try a chat anyway
                checks.add(new Check("server reachable", Check.Status.FAIL, "no model list at " + listPath(s) + " (HTTP 404)",
                        s.backend() == Backend.OPENAI
                                ? "Check the base URL: OpenAI-compatible servers usually need it to end in /v1 (e.g. http://localhost:8000/v1)."
                                : "Check the base URL: Ollama's native API is at the server's root (e.g. http://localhost:11434), without /v1.",
                        took));
            } else {
                checks.add(new Check("server reachable", Check.Status.FAIL, fail.kind().key() + ": " + fail.detail(), fail.advice(), took));
                canChat = fail.kind() != ModelFailure.Kind.UNREACHABLE && fail.kind() != ModelFailure.Kind.UNAUTHORIZED
                        && fail.kind() != ModelFailure.Kind.TIMEOUT;
            }
        } else {
            List<String> models = listed.valueIfOk().orElseThrow();
            checks.add(new Check("server reachable", Check.Status.OK, models.size() + " model" + (models.size() == 1 ? "" : "s")
                    + " listed at " + listPath(s), "", took));
            if (models.stream().anyMatch(m -> sameModel(s, m))) {
                checks.add(new Check("model available", Check.Status.OK, s.model(), "", Duration.ZERO));
            } else {
                String shown = String.join(", ", models.subList(0, Math.min(models.size(), MAX_LISTED)))
                        + (models.size() > MAX_LISTED ? ", …" : "");
                checks.add(new Check("model available", Check.Status.FAIL,
                        "'" + s.model() + "' is not among the server's models" + (models.isEmpty() ? " (it lists none)" : ": " + shown),
                        Failures.advice(ModelFailure.Kind.MODEL_NOT_FOUND, s), Duration.ZERO));
                canChat = false;
            }
        }
        if (!canChat) {
            checks.add(new Check("structured answer", Check.Status.SKIPPED, "fix the problem above first", "", Duration.ZERO));
            return checks;
        }
        // a fresh breaker: earlier failures of this run must not skip the check
        ModelGateway gateway = new ModelGateway(s, ModelFactory.chatModel(s).orElseThrow(),
                ModelFactory.streamingChatModel(s).orElse(null), new CircuitBreaker(), new UsageMeter());
        checks.add(structured(gateway, s));
        if (stream) checks.add(streamed(gateway));
        return checks;
    }

    private static Check structured(ModelGateway gateway, ModelSettings s) {
        long t0 = System.nanoTime();
        ModelResult<ChatResponse> r = gateway.chat(PING.request(List.of(UserMessage.from(PING_PROMPT)), s));
        if (r instanceof ModelResult.Failed<ChatResponse> f) {
            return new Check("structured answer", Check.Status.FAIL, f.failure().kind().key() + ": " + f.failure().detail(),
                    f.failure().advice(), since(t0));
        }
        ChatResponse resp = r.valueIfOk().orElseThrow();
        ModelResult<Map<String, String>> parsed = PING.parse(resp, s);
        if (parsed instanceof ModelResult.Failed<Map<String, String>> f) {
            return new Check("structured answer", Check.Status.FAIL, f.failure().detail(), f.failure().advice()
                    + (s.structuredOutput() == org.tutorgraph.models.config.StructuredOutput.SCHEMA ? ""
                    : " (structuredOutput is " + s.structuredOutput().key() + ")"), since(t0));
        }
        return new Check("structured answer", Check.Status.OK, "{\"status\": \"ok\"} parsed" + tokens(resp), "", since(t0));
    }

    private static Check streamed(ModelGateway gateway) {
        long t0 = System.nanoTime();
        int[] pieces = {0};
        ModelResult<ChatResponse> r = gateway.stream(ChatRequest.builder().messages(UserMessage.from(STREAM_PROMPT)).build(),
                t -> {
                    pieces[0]++;
                    return true;
                });
        if (r instanceof ModelResult.Failed<ChatResponse> f) {
            return new Check("streamed answer", Check.Status.FAIL, f.failure().kind().key() + ": " + f.failure().detail(),
                    f.failure().advice(), since(t0));
        }
        ChatResponse resp = r.valueIfOk().orElseThrow();
        if (resp.aiMessage().text().isBlank()) {
            return new Check("streamed answer", Check.Status.FAIL, "the stream finished without any text",
                    Failures.advice(ModelFailure.Kind.MALFORMED, gateway.settings()), since(t0));
        }
        return new Check("streamed answer", Check.Status.OK, pieces[0] + " piece" + (pieces[0] == 1 ? "" : "s")
                + " streamed to the end" + tokens(resp), "", since(t0));
    }

    /** Ollama calls {@code llama3.2} what it lists as {@code llama3.2:latest}. */
    static boolean sameModel(ModelSettings s, String listed) {
        if (listed.equals(s.model())) return true;
        if (s.backend() == Backend.OLLAMA) {
            String a = s.model().contains(":") ? s.model() : s.model() + ":latest";
            String b = listed.contains(":") ? listed : listed + ":latest";
            return a.equals(b);
        }
        return false;
    }

    private static String listPath(ModelSettings s) {
        return s.baseUrl() + (s.backend() == Backend.OLLAMA ? "/api/tags" : "/models");
    }

    private static String tokens(ChatResponse r) {
        var u = r.tokenUsage();
        if (u == null || u.inputTokenCount() == null) return "";
        return " (" + u.inputTokenCount() + " prompt + " + (u.outputTokenCount() == null ? 0 : u.outputTokenCount()) + " output tokens)";
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
