package org.tutorgraph.models.call;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.Settings;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds each role's langchain4j models from {@link Settings} and wraps them in a {@link ModelGateway}. Roles on the
 * same endpoint share one {@link CircuitBreaker}. langchain4j's own retries and request logging are off: the gateway
 * retries, and nothing logs a request (its headers carry the API key).
 */
public final class ModelFactory {

    private final Settings settings;
    private final UsageMeter meter;
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();
    private final EnumMap<ModelRole, ModelGateway> gateways = new EnumMap<>(ModelRole.class);

    private final java.util.function.Supplier<CircuitBreaker> newBreaker;

    public ModelFactory(Settings settings, UsageMeter meter) {
        this(settings, meter, CircuitBreaker::new);
    }

    /** With the breakers {@code newBreaker} makes, one per endpoint (tests with a short cooldown). */
    public ModelFactory(Settings settings, UsageMeter meter, java.util.function.Supplier<CircuitBreaker> newBreaker) {
        this.settings = settings;
        this.meter = meter;
        this.newBreaker = newBreaker;
    }

    public Settings settings() {
        return settings;
    }

    public UsageMeter meter() {
        return meter;
    }

    /** The gateway of {@code role}; {@link ModelGateway#available()} is false when the role is offline. */
    public synchronized ModelGateway gateway(ModelRole role) {
        return gateways.computeIfAbsent(role, r -> {
            ModelSettings s = settings.model(r);
            CircuitBreaker breaker = breakers.computeIfAbsent(s.endpoint(), e -> newBreaker.get());
            return new ModelGateway(s, chatModel(s).orElse(null), streamingChatModel(s).orElse(null), breaker, meter);
        });
    }

    /** A langchain4j model for whole answers; empty when {@code s} is offline. */
    public static Optional<ChatModel> chatModel(ModelSettings s) {
        return switch (s.backend()) {
            case OFFLINE -> Optional.empty();
            case OPENAI -> Optional.of(OpenAiChatModel.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey().map(k -> k.reveal()).orElse(null))
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build());
            case OLLAMA -> Optional.of(OllamaChatModel.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build());
        };
    }

    /** A langchain4j model for streamed answers; empty when {@code s} is offline. */
    public static Optional<StreamingChatModel> streamingChatModel(ModelSettings s) {
        return switch (s.backend()) {
            case OFFLINE -> Optional.empty();
            case OPENAI -> Optional.of(OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey().map(k -> k.reveal()).orElse(null))
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build());
            case OLLAMA -> Optional.of(OllamaStreamingChatModel.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build());
        };
    }

    /**
     * The names of the models the server offers (OpenAI {@code GET /models}; Ollama {@code GET /api/tags}), within the
     * role's timeout.
     */
    public static ModelResult<List<String>> listModels(ModelSettings s) {
        if (s.offline()) return ModelResult.ok(List.of());
        CompletableFuture<List<String>> f = CompletableFuture.supplyAsync(() -> switch (s.backend()) {
            case OPENAI -> OpenAiModelCatalog.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey().map(k -> k.reveal()).orElse(null))
                    .connectTimeout(s.timeout())
                    .readTimeout(s.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build()
                    .listModels().stream().map(ModelDescription::name).toList();
            case OLLAMA -> OllamaModels.builder()
                    .httpClientBuilder(http(s))
                    .baseUrl(s.baseUrl())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build()
                    .availableModels().content().stream().map(OllamaModel::getName).toList();
            case OFFLINE -> List.of();
        });
        try {
            return ModelResult.ok(f.get(s.timeout().toMillis() + 250, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            f.cancel(true);
            return ModelResult.failed(Failures.of(ModelFailure.Kind.TIMEOUT, s,
                    "no model list within " + ModelSettings.seconds(s.timeout())));
        } catch (ExecutionException e) {
            return ModelResult.failed(Failures.classify(e.getCause() == null ? e : e.getCause(), s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModelResult.failed(Failures.of(ModelFailure.Kind.UNEXPECTED, s, "interrupted"));
        } catch (RuntimeException e) {
            return ModelResult.failed(Failures.classify(e, s));
        }
    }

    private static HttpClientBuilder http(ModelSettings s) {
        boolean ollama = s.backend() == Backend.OLLAMA;
        Map<String, String> headers = ollama && s.apiKey().isPresent()
                ? Map.of("Authorization", "Bearer " + s.apiKey().get().reveal()) : Map.of();
        return GuardedHttpClient.builder(ollama ? GuardedHttpClient::ollamaFinal : GuardedHttpClient::openAiFinal, headers);
    }
}
