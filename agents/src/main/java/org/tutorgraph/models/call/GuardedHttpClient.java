package org.tutorgraph.models.call;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The HTTP client under every model call: langchain4j's JDK client with two additions.
 * <ul>
 *   <li>A stream that closes before its protocol's final event (OpenAI {@code data: [DONE]}, Ollama
 *       {@code "done": true}) is reported as an error ({@link StreamCutOffException}). Without this, langchain4j's
 *       OpenAI client reports the partial text as a complete answer, and its Ollama client never reports anything.</li>
 *   <li>Extra headers on every request (an API key in front of an Ollama server: its model-list client has no
 *       header option of its own).</li>
 * </ul>
 */
public final class GuardedHttpClient implements HttpClient {

    private final HttpClient delegate;
    private final Predicate<ServerSentEvent> isFinal;
    private final Map<String, String> headers;

    public GuardedHttpClient(HttpClient delegate, Predicate<ServerSentEvent> isFinal, Map<String, String> headers) {
        this.delegate = delegate;
        this.isFinal = isFinal;
        this.headers = Map.copyOf(headers);
    }

    /** A builder for langchain4j model builders' {@code httpClientBuilder(…)}. */
    public static HttpClientBuilder builder(Predicate<ServerSentEvent> isFinal, Map<String, String> headers) {
        return new Builder(isFinal, headers);
    }

    /** OpenAI's final SSE event. */
    public static boolean openAiFinal(ServerSentEvent e) {
        return e.data() != null && e.data().strip().equals("[DONE]");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Ollama's final NDJSON line: {@code "done": true} at the top level. */
    public static boolean ollamaFinal(ServerSentEvent e) {
        String d = e.data();
        if (d == null || !d.contains("\"done\"")) return false;
        try {
            return JSON.readTree(d).path("done").asBoolean(false);
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return delegate.execute(withHeaders(request));
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.execute(withHeaders(request), parser, new EndCheckingListener(listener, isFinal));
    }

    private HttpRequest withHeaders(HttpRequest request) {
        if (headers.isEmpty()) return request;
        HttpRequest.Builder b = HttpRequest.builder()
                .method(request.method())
                .url(request.url())
                .headers(new java.util.LinkedHashMap<>(request.headers()))
                .body(request.body());
        if (!request.formDataFields().isEmpty()) b.formDataFields(request.formDataFields());
        if (!request.formDataFiles().isEmpty()) b.formDataFiles(request.formDataFiles());
        headers.forEach(b::addHeader);
        return b.build();
    }

    /** Turns a clean close before the final event into an error; passes everything else through. */
    private static final class EndCheckingListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final Predicate<ServerSentEvent> isFinal;
        private volatile boolean seenFinal;
        private volatile boolean failed;
        private volatile ServerSentEventContext context;

        EndCheckingListener(ServerSentEventListener delegate, Predicate<ServerSentEvent> isFinal) {
            this.delegate = delegate;
            this.isFinal = isFinal;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext ctx) {
            context = ctx;
            if (isFinal.test(event)) seenFinal = true;
            delegate.onEvent(event, ctx);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (isFinal.test(event)) seenFinal = true;
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable throwable) {
            failed = true;
            delegate.onError(throwable);
        }

        @Override
        public void onClose() {
            boolean cancelled = context != null && context.parsingHandle().isCancelled();
            if (seenFinal || failed || cancelled) {
                delegate.onClose();
            } else {
                failed = true;
                delegate.onError(new StreamCutOffException("the stream ended before its final event"));
            }
        }
    }

    private static final class Builder implements HttpClientBuilder {
        private final JdkHttpClientBuilder jdk = JdkHttpClient.builder();
        private final Predicate<ServerSentEvent> isFinal;
        private final Map<String, String> headers;

        Builder(Predicate<ServerSentEvent> isFinal, Map<String, String> headers) {
            this.isFinal = isFinal;
            this.headers = headers;
        }

        @Override
        public Duration connectTimeout() {
            return jdk.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            jdk.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return jdk.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            jdk.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new GuardedHttpClient(jdk.build(), isFinal, headers);
        }
    }
}
