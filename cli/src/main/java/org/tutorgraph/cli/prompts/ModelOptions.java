package org.tutorgraph.cli.prompts;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.tutorgraph.cli.UserException;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which model the tournament uses: any OpenAI-compatible server (OpenAI, vLLM, llama.cpp server, LM Studio, Ollama's
 * /v1). A stop-gap until the backends' configuration is merged; the API key is read from the environment only and
 * never printed.
 */
public final class ModelOptions {

    enum Backend { offline, openai }

    @Option(names = "--backend", paramLabel = "NAME", description = "offline or openai (default: offline, or openai when --base-url is given).")
    Backend backend;

    @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible server, e.g. http://localhost:11434/v1 (default for openai: https://api.openai.com/v1).")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "Model that generates the tutor replies.")
    String model;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "Model that judges (default: the same as --model).")
    String judgeModel;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}); optional for local servers.")
    String apiKeyEnv = "OPENAI_API_KEY";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-call timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 120;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the server's).")
    Double temperature;

    /** The explanation printed when no model is configured. */
    static final List<String> NEEDS_A_MODEL = List.of(
            "tutor prompts tournament needs a model: the offline backend has none (it phrases hints from the course's",
            "authored ladder and cannot try out prompt templates). Point it at any OpenAI-compatible server, e.g.:",
            "  tutor prompts tournament --base-url http://localhost:11434/v1 --model llama3.1 --variants A,B --cases sample --judges 3",
            "vLLM, llama.cpp server, LM Studio and Ollama's /v1 all work; for api.openai.com use --backend openai --model NAME",
            "with the key in $OPENAI_API_KEY.");

    boolean offline() {
        Backend b = backend != null ? backend : baseUrl != null ? Backend.openai : Backend.offline;
        return b == Backend.offline;
    }

    String describe() {
        return (baseUrl == null ? "https://api.openai.com/v1" : baseUrl) + ", model " + model
                + (judgeModel != null && !judgeModel.equals(model) ? ", judge model " + judgeModel : "");
    }

    /** The tutor model, or a user error explaining what is missing. */
    ChatModel tutorModel(Map<String, String> env) {
        if (offline()) throw new UserException(NEEDS_A_MODEL);
        if (model == null || model.isBlank()) throw new UserException("tutor: --model NAME is needed with the openai backend");
        return build(model, env);
    }

    ChatModel judgeModel(Map<String, String> env) {
        return build(judgeModel == null ? model : judgeModel, env);
    }

    private ChatModel build(String name, Map<String, String> env) {
        String key = env.get(apiKeyEnv);
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .baseUrl(baseUrl == null ? "https://api.openai.com/v1" : baseUrl)
                .apiKey(key == null || key.isBlank() ? "not-needed" : key)
                .modelName(name)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .maxRetries(2);
        if (temperature != null) b.temperature(temperature);
        return b.build();
    }
}
