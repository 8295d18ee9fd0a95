package org.tutorgraph.models.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.models.config.ModelSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks for a small JSON object with string fields, each limited to a set of values or free, and checks the reply
 * against that shape. The shape travels in the request as the role's {@code structuredOutput} allows (a JSON schema,
 * JSON mode, or the prompt alone); whatever the server promised, the reply is validated here: every field present,
 * a string, inside its set; otherwise a {@link ModelFailure.Kind#MALFORMED} failure.
 *
 * @param name   the schema's name ({@code grade}, {@code misconception})
 * @param fields field name → allowed values (empty list: any string), in order; all are required
 */
public record Structured(String name, Map<String, List<String>> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A reply longer than this is not a small JSON object. */
    private static final int MAX_REPLY = 8_000;

    public Structured {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The JSON schema of the shape (an object, every field required, no other field). */
    public JsonSchema schema() {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        fields.forEach((f, allowed) -> {
            if (allowed.isEmpty()) b.addStringProperty(f);
            else b.addEnumProperty(f, allowed);
        });
        return JsonSchema.builder().name(name).rootElement(b.required(new ArrayList<>(fields.keySet()))
                .additionalProperties(false).build()).build();
    }

    /** A request for {@code messages} with the response format {@code s} calls for. */
    public ChatRequest request(List<ChatMessage> messages, ModelSettings s) {
        ChatRequest.Builder b = ChatRequest.builder().messages(messages);
        switch (s.structuredOutput()) {
            case SCHEMA -> b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema()).build());
            case JSON -> b.responseFormat(ResponseFormat.JSON);
            case PROMPT -> {
                // the prompt alone asks for JSON
            }
        }
        return b.build();
    }

    /**
     * Asks {@code gateway} for this shape with {@code prompt} as the one user message and validates the reply. A reply
     * that came but does not fit is counted as rejected by {@code meter} (the gateway already counted the call).
     */
    public ModelResult<Map<String, String>> ask(ModelGateway gateway, String prompt, UsageMeter meter) {
        ModelResult<ChatResponse> r = gateway.chat(request(List.of(UserMessage.from(prompt)), gateway.settings()));
        ModelResult<Map<String, String>> parsed = r.flatMap(response -> parse(response, gateway.settings()));
        if (r.isOk() && !parsed.isOk()) meter.recordRejected(gateway.settings().role());
        return parsed;
    }

    /** The fields of the reply, validated; a failure names what was wrong. */
    public ModelResult<Map<String, String>> parse(ChatResponse response, ModelSettings s) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) return malformed(s, "the reply is empty");
        if (text.length() > MAX_REPLY) return malformed(s, "the reply is " + text.length() + " characters long, not a small JSON object");
        String json = objectIn(text);
        if (json == null) return malformed(s, "the reply holds no JSON object: " + excerpt(text));
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return malformed(s, "the reply is not valid JSON: " + excerpt(text));
        }
        if (!(node instanceof ObjectNode obj)) return malformed(s, "the reply is not a JSON object: " + excerpt(text));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : fields.entrySet()) {
            JsonNode v = obj.get(f.getKey());
            if (v == null || v.isNull()) return malformed(s, "the reply lacks \"" + f.getKey() + "\"");
            if (!v.isTextual()) return malformed(s, "\"" + f.getKey() + "\" is not a string");
            String value = v.asText().strip();
            if (!f.getValue().isEmpty() && !f.getValue().contains(value)) {
                return malformed(s, "\"" + f.getKey() + "\" is '" + excerpt(value) + "', not one of " + f.getValue());
            }
            out.put(f.getKey(), value);
        }
        return ModelResult.ok(out);
    }

    /** The first '{' to the last '}' (models in prompt mode like to wrap JSON in prose or code fences), or null. */
    static String objectIn(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        return start < 0 || end < start ? null : text.substring(start, end + 1);
    }

    private static String excerpt(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }

    private static <T> ModelResult<T> malformed(ModelSettings s, String detail) {
        return ModelResult.failed(Failures.of(ModelFailure.Kind.MALFORMED, s, detail));
    }
}
