package org.tutorgraph.models.call;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.secret.Redactor;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Turns whatever a model call threw into a {@link ModelFailure} with a scrubbed detail and advice on what to fix.
 * The advice is the same text {@code tutor doctor} prints.
 */
public final class Failures {

    private static final int MAX_DETAIL = 240;

    private Failures() {
    }

    /** The failure {@code error} means for a call made with {@code s}. */
    public static ModelFailure classify(Throwable error, ModelSettings s) {
        ModelFailure.Kind kind = kind(error);
        return of(kind, s, detail(error, kind));
    }

    /** A failure of {@code kind} with {@code detail}, and the advice that goes with it. */
    public static ModelFailure of(ModelFailure.Kind kind, ModelSettings s, String detail) {
        return new ModelFailure(kind, s.role(), s.endpoint(), detail, advice(kind, s));
    }

    static ModelFailure.Kind kind(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamCutOffException) return ModelFailure.Kind.TRUNCATED;
            if (t instanceof AuthenticationException) return ModelFailure.Kind.UNAUTHORIZED;
            if (t instanceof ModelNotFoundException) return ModelFailure.Kind.MODEL_NOT_FOUND;
            if (t instanceof RateLimitException) return ModelFailure.Kind.RATE_LIMITED;
            if (t instanceof InternalServerException) return ModelFailure.Kind.SERVER_ERROR;
            if (t instanceof InvalidRequestException) return ModelFailure.Kind.BAD_REQUEST;
            if (t instanceof UnresolvedModelServerException || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException) return ModelFailure.Kind.UNREACHABLE;
            if (t instanceof HttpConnectTimeoutException) return ModelFailure.Kind.TIMEOUT;
            if (t instanceof ConnectException) return ModelFailure.Kind.UNREACHABLE;
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) return ModelFailure.Kind.TIMEOUT;
            if (t instanceof HttpException h) return byStatus(h.statusCode());
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) return ModelFailure.Kind.MALFORMED;
            if (t.getClass().getName().equals("dev.langchain4j.model.ollama.OllamaStreamingException")) {
                return ModelFailure.Kind.SERVER_ERROR;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a connection closed by the server before or while it answered
            if (t instanceof java.io.IOException) return ModelFailure.Kind.SERVER_ERROR;
        }
        return ModelFailure.Kind.UNEXPECTED;
    }

    private static ModelFailure.Kind byStatus(int status) {
        if (status == 401 || status == 403) return ModelFailure.Kind.UNAUTHORIZED;
        if (status == 404) return ModelFailure.Kind.MODEL_NOT_FOUND;
        if (status == 408) return ModelFailure.Kind.TIMEOUT;
        if (status == 429) return ModelFailure.Kind.RATE_LIMITED;
        if (status >= 500) return ModelFailure.Kind.SERVER_ERROR;
        return ModelFailure.Kind.BAD_REQUEST;
    }

    private static String detail(Throwable error, ModelFailure.Kind kind) {
        HttpException http = null;
        for (Throwable t = error; t != null && http == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) http = h;
        }
        if (http != null) {
            String body = http.getMessage() == null ? "" : http.getMessage().replaceAll("\\s+", " ").strip();
            String text = "HTTP " + http.statusCode() + (body.isEmpty() ? "" : ": " + body);
            text = Redactor.scrub(text);
            return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
        }
        if (kind == ModelFailure.Kind.UNREACHABLE) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof UnresolvedModelServerException || t instanceof UnresolvedAddressException
                        || t instanceof UnknownHostException) return "host not found";
            }
            return "connection refused";
        }
        return Redactor.describe(error, MAX_DETAIL);
    }

    /** What the user can do about a failure of {@code kind} with settings {@code s}: one or two sentences. */
    public static String advice(ModelFailure.Kind kind, ModelSettings s) {
        String url = s.baseUrl();
        return switch (kind) {
            case UNREACHABLE -> "Is the server running at " + url + "? "
                    + (s.backend() == Backend.OLLAMA ? "Start it with 'ollama serve', " : "Start it, ")
                    + "or fix the base URL (" + origin(s, "baseUrl") + ").";
            case TIMEOUT -> "No answer within " + ModelSettings.seconds(s.timeout())
                    + ". A model that is still loading or a busy server may need a longer timeout (timeout: 60s, --timeout 60s).";
            case RATE_LIMITED -> "The server is limiting requests (HTTP 429): wait a little, or use a key or plan with a higher limit.";
            case SERVER_ERROR -> "The server failed while answering: look at its log (out of memory? model crashed?).";
            case UNAUTHORIZED -> s.apiKey().isPresent()
                    ? "The server rejected the API key from " + s.apiKey().get().source() + ": check that it is valid for " + url + "."
                    : "No API key was sent" + (s.keyNote().isEmpty() ? "" : " (" + s.keyNote() + ")")
                    + ": set OPENAI_API_KEY, or name another variable with apiKeyEnv or a file with apiKeyFile in the config.";
            case MODEL_NOT_FOUND -> s.backend() == Backend.OLLAMA
                    ? "Pull the model: 'ollama pull " + s.model() + "' (see 'ollama list' for the names you have), or fix the model name."
                    : "Check the model name '" + s.model() + "' ('tutor doctor' lists the server's models) and that the base URL ends in /v1.";
            case BAD_REQUEST -> "The server refused the request. If it mentions response_format, json_schema or format, set "
                    + "structuredOutput: json (or prompt) for the " + s.role().key() + ".";
            case MALFORMED -> "The reply was not the JSON asked for. A stronger model, or structuredOutput: schema where the "
                    + "server supports it, usually fixes this.";
            case TRUNCATED -> "The answer was cut off before its end: look at the server's log and at any proxy's timeouts.";
            case CIRCUIT_OPEN -> "Calls to " + url + " are paused for a minute after repeated failures; the tutor works "
                    + "offline meanwhile.";
            case BAD_TEMPLATE -> "A prompt template could not be used: run 'tutor prompts lint' and fix or remove the override.";
            case UNEXPECTED -> "Run 'tutor doctor' to check the model; report the detail if it persists.";
        };
    }

    private static String origin(ModelSettings s, String key) {
        String o = s.origins().get(key);
        return o == null || o.toLowerCase(Locale.ROOT).startsWith("default") ? "set --base-url, or baseUrl: in the config file" : o;
    }
}
