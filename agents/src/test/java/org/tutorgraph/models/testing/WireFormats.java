package org.tutorgraph.models.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The real wire formats of the two protocols, for WireMock stubs: OpenAI chat completions (a JSON body, or SSE chunks
 * ending with a usage chunk whose {@code choices} is empty and {@code data: [DONE]}), OpenAI {@code /models}, Ollama
 * {@code /api/chat} (one JSON object, or NDJSON lines ending with {@code "done": true} and the token counts) and
 * Ollama {@code /api/tags}. Copy freely into other modules' tests.
 */
public final class WireFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormats() {
    }

    /** A whole OpenAI chat completion. */
    public static String openAiCompletion(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        usage(root, promptTokens, completionTokens);
        return root.toString();
    }

    /** An OpenAI stream: a role chunk, one chunk per token, a finish chunk, a usage chunk, {@code [DONE]}. */
    public static String openAiStream(List<String> tokens, int promptTokens, int completionTokens) {
        StringBuilder sb = new StringBuilder(openAiStreamWithoutEnd(tokens));
        ObjectNode finish = chunk();
        ObjectNode c = ((ArrayNode) finish.get("choices")).addObject();
        c.put("index", 0);
        c.putObject("delta");
        c.put("finish_reason", "stop");
        sb.append("data: ").append(finish).append("\n\n");
        ObjectNode usage = chunk();
        usage(usage, promptTokens, completionTokens);
        sb.append("data: ").append(usage).append("\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    /** The first part of an OpenAI stream: the role chunk and the token chunks, with no end (a cut-off stream). */
    public static String openAiStreamWithoutEnd(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        ObjectNode first = chunk();
        ObjectNode c0 = ((ArrayNode) first.get("choices")).addObject();
        c0.put("index", 0);
        c0.putObject("delta").put("role", "assistant").put("content", "");
        c0.putNull("finish_reason");
        sb.append("data: ").append(first).append("\n\n");
        for (String t : tokens) {
            ObjectNode ch = chunk();
            ObjectNode c = ((ArrayNode) ch.get("choices")).addObject();
            c.put("index", 0);
            c.putObject("delta").put("content", t);
            c.putNull("finish_reason");
            sb.append("data: ").append(ch).append("\n\n");
        }
        return sb.toString();
    }

    /** OpenAI's model list. */
    public static String openAiModels(String... names) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String n : names) data.addObject().put("id", n).put("object", "model").put("created", 1_700_000_000).put("owned_by", "test");
        return root.toString();
    }

    /** An OpenAI error body. */
    public static String openAiError(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return root.toString();
    }

    /** A whole Ollama chat answer. */
    public static String ollamaChat(String content, int promptEvalCount, int evalCount) {
        return ollamaLine(content, true, promptEvalCount, evalCount);
    }

    /** An Ollama stream: one NDJSON line per token, then a last line with {@code "done": true} and the counts. */
    public static String ollamaStream(List<String> tokens, int promptEvalCount, int evalCount) {
        return ollamaStreamWithoutEnd(tokens) + ollamaLine("", true, promptEvalCount, evalCount) + "\n";
    }

    /** Ollama stream lines without the final {@code "done": true} line (a cut-off stream). */
    public static String ollamaStreamWithoutEnd(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) sb.append(ollamaLine(t, false, 0, 0)).append('\n');
        return sb.toString();
    }

    /** Ollama's model list ({@code /api/tags}). */
    public static String ollamaTags(String... names) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (String n : names) {
            ObjectNode m = models.addObject();
            m.put("name", n).put("model", n).put("modified_at", "2025-01-22T11:22:42.180546Z").put("size", 2_019_393_189L)
                    .put("digest", "a80c4f17acd5");
            m.putObject("details").put("format", "gguf").put("family", "llama").put("parameter_size", "3.2B")
                    .put("quantization_level", "Q4_K_M");
        }
        return root.toString();
    }

    private static String ollamaLine(String content, boolean done, int promptEvalCount, int evalCount) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "test-model").put("created_at", "2025-01-22T11:22:42.180546Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", done);
        if (done) {
            root.put("done_reason", "stop").put("total_duration", 181_553_584L).put("load_duration", 27_906_292L)
                    .put("prompt_eval_count", promptEvalCount).put("prompt_eval_duration", 109_000_000L)
                    .put("eval_count", evalCount).put("eval_duration", 42_000_000L);
        }
        return root.toString();
    }

    private static ObjectNode chunk() {
        ObjectNode ch = JSON.createObjectNode();
        ch.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1_700_000_000).put("model", "test-model");
        ch.putArray("choices");
        return ch;
    }

    private static void usage(ObjectNode node, int prompt, int completion) {
        node.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
    }
}
