package org.tutorgraph.models.call;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.secret.Redactor;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every model call of one role goes through here. It adds what langchain4j leaves to the caller:
 * <ul>
 *   <li><b>Typed outcomes</b>: a {@link ModelResult}, never an exception, whatever the server or the network does.</li>
 *   <li><b>Bounded time</b>: each attempt is cut at the role's {@code timeout} (the JDK client only bounds the wait
 *       for response headers, not a body that trickles); a stream may pause at most {@code timeout} between tokens
 *       and last at most {@link #STREAM_TIMEOUTS} × {@code timeout} in all.</li>
 *   <li><b>Retries</b> with exponential backoff (0.5 s, 1 s, 2 s, …) after 429 and 5xx only, at most {@code retries}
 *       times; langchain4j's own retries are switched off (they would retry blindly and log the exception). So one
 *       call takes at most (retries + 1) × timeout + the backoffs: 60.5 s with the defaults, and usually a timeout
 *       is not retried at all. A stream is retried only if it failed before its first token.</li>
 *   <li><b>A circuit breaker</b> per endpoint ({@link CircuitBreaker}): a dead server costs at most two timeouts per
 *       minute, not one per turn.</li>
 *   <li><b>Usage</b>: token counts from each response reach the {@link UsageMeter}.</li>
 * </ul>
 * Streamed tokens are handed to the caller on the caller's own thread, in order.
 */
public final class ModelGateway {

    /** A whole stream may last this many timeouts. */
    public static final int STREAM_TIMEOUTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    /** Lets the HTTP client's own timeout (a clearer message) fire before ours. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tutorgraph-model-call");
        t.setDaemon(true);
        return t;
    });

    /** How the gateway waits between attempts (replaced in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Receives streamed text in order; returns false to stop the stream (the rest is not wanted). */
    @FunctionalInterface
    public interface TokenSink {
        boolean accept(String token);
    }

    private final ModelSettings settings;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final CircuitBreaker breaker;
    private final UsageMeter meter;
    private final Sleeper sleeper;

    /**
     * @param chat      the model for whole answers; null when the role is offline
     * @param streaming the model for streamed answers; null to stream by one whole answer
     */
    public ModelGateway(ModelSettings settings, ChatModel chat, StreamingChatModel streaming, CircuitBreaker breaker,
                        UsageMeter meter, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chat = chat;
        this.streaming = streaming;
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public ModelGateway(ModelSettings settings, ChatModel chat, StreamingChatModel streaming, CircuitBreaker breaker,
                        UsageMeter meter) {
        this(settings, chat, streaming, breaker, meter, d -> Thread.sleep(d.toMillis()));
    }

    public ModelSettings settings() {
        return settings;
    }

    /** Whether there is a model behind this gateway (false when the role is offline). */
    public boolean available() {
        return chat != null;
    }

    /** Whether calls are being skipped after repeated failures. */
    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    /**
     * Waits until the circuit breaker lets a trial call through (at most its cooldown), for batch work such as a
     * prompt tournament that would rather wait for a server than skip its calls. Returns at once when the breaker is
     * closed.
     */
    public void awaitCircuit() throws InterruptedException {
        Duration left = breaker.remaining();
        if (!left.isZero()) sleeper.sleep(left.plusMillis(10));
    }

    /** One whole answer. */
    public ModelResult<ChatResponse> chat(ChatRequest request) {
        if (!available()) throw new IllegalStateException("the " + settings.role().key() + " has no model (offline)");
        return withRetries(() -> once(request), () -> true);
    }

    /**
     * One answer, streamed: {@code sink} receives the text as it arrives (on this thread). The result holds the whole
     * answer; if {@code sink} stopped the stream, the text received so far. Without a streaming model the answer is
     * fetched whole and handed to {@code sink} in one piece.
     */
    public ModelResult<ChatResponse> stream(ChatRequest request, TokenSink sink) {
        if (!available()) throw new IllegalStateException("the " + settings.role().key() + " has no model (offline)");
        if (streaming == null) {
            ModelResult<ChatResponse> r = chat(request);
            r.valueIfOk().ifPresent(resp -> sink.accept(resp.aiMessage().text()));
            return r;
        }
        AtomicInteger delivered = new AtomicInteger();
        return withRetries(() -> streamOnce(request, sink, delivered), () -> delivered.get() == 0);
    }

    private interface Attempt {
        ModelResult<ChatResponse> run();
    }

    private ModelResult<ChatResponse> withRetries(Attempt attempt, java.util.function.BooleanSupplier mayRetry) {
        for (int n = 0; ; n++) {
            if (!breaker.allow()) {
                meter.recordFailure(settings.role());
                return ModelResult.failed(Failures.of(ModelFailure.Kind.CIRCUIT_OPEN, settings,
                        "skipped for " + ModelSettings.seconds(breaker.remaining()) + " after repeated failures"));
            }
            ModelResult<ChatResponse> r = attempt.run();
            if (r instanceof ModelResult.Ok<ChatResponse> ok) {
                breaker.success();
                meter.recordSuccess(settings.role(), ok.value().tokenUsage());
                return r;
            }
            ModelFailure f = r.failureIfAny().orElseThrow();
            breaker.failure(f.kind());
            if (f.kind().retriable() && n < settings.retries() && mayRetry.getAsBoolean()) {
                try {
                    sleeper.sleep(backoff(n));
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            meter.recordFailure(settings.role());
            return r;
        }
    }

    /** 0.5 s, 1 s, 2 s, 4 s, 4 s … */
    static Duration backoff(int retry) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private ModelResult<ChatResponse> once(ChatRequest request) {
        Future<ChatResponse> future = CALLS.submit(() -> chat.chat(request));
        try {
            ChatResponse response = future.get(settings.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return checked(response);
        } catch (TimeoutException e) {
            future.cancel(true);
            return ModelResult.failed(Failures.of(ModelFailure.Kind.TIMEOUT, settings,
                    "no complete answer within " + ModelSettings.seconds(settings.timeout())));
        } catch (ExecutionException e) {
            return ModelResult.failed(Failures.classify(e.getCause() == null ? e : e.getCause(), settings));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return ModelResult.failed(Failures.of(ModelFailure.Kind.UNEXPECTED, settings, "interrupted"));
        } catch (RuntimeException e) {
            return ModelResult.failed(Failures.classify(e, settings));
        }
    }

    private ModelResult<ChatResponse> checked(ChatResponse response) {
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null) {
            return ModelResult.failed(Failures.of(ModelFailure.Kind.MALFORMED, settings, "the reply has no text"));
        }
        return ModelResult.ok(keysMasked(response));
    }

    /** Shows the last text of a stream that ends in a failure (what was held back in case it began a key). */
    private static void release(String rest, TokenSink sink) {
        if (!rest.isEmpty()) sink.accept(rest);
    }

    /**
     * The reply with any API key this process holds masked ({@link Redactor#scrubKeys}): a server that echoes the
     * {@code Authorization} header into its answer must not put the key on the screen, in the store or in a trace.
     */
    private static ChatResponse keysMasked(ChatResponse response) {
        String text = response.aiMessage().text();
        String masked = Redactor.scrubKeys(text);
        return masked.equals(text) ? response : response.toBuilder().aiMessage(AiMessage.from(masked)).build();
    }

    private sealed interface Event {
    }

    private record Token(String text, StreamingHandle handle) implements Event {
    }

    private record Done(ChatResponse response) implements Event {
    }

    private record Error(Throwable error) implements Event {
    }

    private ModelResult<ChatResponse> streamOnce(ChatRequest request, TokenSink sink, AtomicInteger delivered) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        AtomicBoolean over = new AtomicBoolean();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (!over.get() && partial.text() != null && !partial.text().isEmpty()) {
                    events.add(new Token(partial.text(), context == null ? null : context.streamingHandle()));
                }
            }

            @Override
            public void onPartialResponse(String partialResponse) {
                if (!over.get() && partialResponse != null && !partialResponse.isEmpty()) {
                    events.add(new Token(partialResponse, null));
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                if (over.compareAndSet(false, true)) events.add(new Done(completeResponse));
            }

            @Override
            public void onError(Throwable error) {
                if (over.compareAndSet(false, true)) events.add(new Error(error));
            }
        };
        try {
            streaming.chat(request, handler);
        } catch (RuntimeException e) {
            return ModelResult.failed(Failures.classify(e, settings));
        }

        StringBuilder text = new StringBuilder();
        Redactor.KeyStream keys = new Redactor.KeyStream(); // a key echoed by the server never reaches the sink
        StreamingHandle handle = null;
        long start = System.nanoTime();
        long budget = settings.timeout().toNanos() * STREAM_TIMEOUTS;
        boolean first = true;
        try {
            while (true) {
                long left = budget - (System.nanoTime() - start);
                long wait = Math.min(left, settings.timeout().plus(first ? GRACE : Duration.ZERO).toNanos());
                Event e = wait <= 0 ? null : events.poll(wait, TimeUnit.NANOSECONDS);
                if (e == null) {
                    over.set(true);
                    cancel(handle);
                    release(keys.flushCut(), sink);
                    String what = left <= 0 ? "the stream did not finish within " + ModelSettings.seconds(settings.timeout().multipliedBy(STREAM_TIMEOUTS))
                            : first ? "no answer within " + ModelSettings.seconds(settings.timeout())
                            : "the stream paused for more than " + ModelSettings.seconds(settings.timeout());
                    return ModelResult.failed(Failures.of(ModelFailure.Kind.TIMEOUT, settings, what));
                }
                first = false;
                if (e instanceof Token t) {
                    if (t.handle() != null) handle = t.handle();
                    String shown = keys.accept(t.text());
                    text.append(shown);
                    delivered.incrementAndGet();
                    if (!shown.isEmpty() && !sink.accept(shown)) {
                        over.set(true);
                        cancel(handle);
                        return ModelResult.ok(ChatResponse.builder().aiMessage(AiMessage.from(text.toString())).build());
                    }
                } else if (e instanceof Done d) {
                    String rest = keys.flush();
                    text.append(rest);
                    if (!rest.isEmpty() && !sink.accept(rest)) {
                        over.set(true);
                        return ModelResult.ok(ChatResponse.builder().aiMessage(AiMessage.from(text.toString())).build());
                    }
                    ChatResponse r = d.response();
                    if (r == null || r.aiMessage() == null || r.aiMessage().text() == null) {
                        if (text.isEmpty()) {
                            return ModelResult.failed(Failures.of(ModelFailure.Kind.MALFORMED, settings, "the stream carried no text"));
                        }
                        r = ChatResponse.builder().aiMessage(AiMessage.from(text.toString()))
                                .tokenUsage(r == null ? null : r.tokenUsage()).build();
                    }
                    return ModelResult.ok(keysMasked(r));
                } else if (e instanceof Error err) {
                    cancel(handle);
                    release(keys.flushCut(), sink);
                    ModelFailure f = Failures.classify(err.error(), settings);
                    if (delivered.get() > 0 && f.kind() == ModelFailure.Kind.SERVER_ERROR
                            && err.error() instanceof java.io.IOException) {
                        f = Failures.of(ModelFailure.Kind.TRUNCATED, settings, f.detail());
                    }
                    return ModelResult.failed(f);
                }
            }
        } catch (InterruptedException ex) {
            over.set(true);
            cancel(handle);
            Thread.currentThread().interrupt();
            return ModelResult.failed(Failures.of(ModelFailure.Kind.UNEXPECTED, settings, "interrupted"));
        }
    }

    private static void cancel(StreamingHandle handle) {
        if (handle == null) return;
        try {
            handle.cancel();
        } catch (RuntimeException ignored) {
            // cancelling is best effort: the stream's thread ends when the server closes the connection
        }
    }
}
