package org.tutorgraph.session.message;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.tutorgraph.learner.NewEvent;
import org.tutorgraph.learner.StoredEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages to and from JSON, as the store keeps them: the event type is the record's simple name, the payload the
 * record's components as a JSON object (enums by name, nested records as objects, absent values as {@code null}).
 *
 * <p>The registry of types is built from {@link SessionMessage}'s permitted subclasses, so a new message record needs
 * no registration beyond the {@code permits} clause. Jackson reads and writes the record components themselves (its
 * getter detection is off: helper methods such as {@code isEvidence()} are not properties). Reading ignores fields it
 * does not know, so a log written by a newer version with extra fields still replays.
 *
 * <p>Doubles round-trip exactly (Jackson writes a representation that parses back to the same double), which replay
 * relies on. Thread-safe.
 */
public final class MessageCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final Map<String, Class<? extends SessionMessage>> TYPES = registry();

    private MessageCodec() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends SessionMessage>> registry() {
        Map<String, Class<? extends SessionMessage>> types = new LinkedHashMap<>();
        for (Class<?> c : SessionMessage.class.getPermittedSubclasses()) {
            if (types.put(c.getSimpleName(), (Class<? extends SessionMessage>) c) != null) {
                throw new IllegalStateException("two message types named " + c.getSimpleName());
            }
        }
        return Collections.unmodifiableMap(types);
    }

    /** Every message type name, in the order of the {@code permits} clause. */
    public static Set<String> typeNames() {
        return TYPES.keySet();
    }

    /** The record class of a type name, if it is one. */
    public static Optional<Class<? extends SessionMessage>> typeOf(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The message as a JSON object. */
    public static String toJson(SessionMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.typeName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The event to append for {@code message}. */
    public static NewEvent toEvent(SessionMessage message) {
        return new NewEvent(message.typeName(), toJson(message));
    }

    /**
     * Reads a message of type {@code type} from its JSON payload.
     *
     * @return empty when {@code type} is not a message type (an event another program or a newer version wrote)
     * @throws UnreadableMessageException when the payload does not make a valid message of that type
     */
    public static Optional<SessionMessage> fromJson(String type, String payload) {
        Class<? extends SessionMessage> c = TYPES.get(type);
        if (c == null) return Optional.empty();
        try {
            SessionMessage m = JSON.readValue(payload, c);
            if (m == null) throw new UnreadableMessageException(type + ": payload is null");
            return Optional.of(m);
        } catch (JsonProcessingException e) {
            throw new UnreadableMessageException(type + ": " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new UnreadableMessageException(type + ": " + e.getMessage());
        }
    }

    /** Reads a stored event (see {@link #fromJson}). */
    public static Optional<SessionMessage> fromEvent(StoredEvent event) {
        return fromJson(event.type(), event.payload());
    }

    /** The mapper's view of a payload as a tree, for printing (trace). */
    public static com.fasterxml.jackson.databind.JsonNode tree(String payload) throws JsonProcessingException {
        return JSON.readTree(payload);
    }

    /** A stored payload that does not make a valid message of its type. */
    public static final class UnreadableMessageException extends RuntimeException {
        public UnreadableMessageException(String message) {
            super(message);
        }
    }
}
