package org.tutorgraph.learner.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tutorgraph.learner.MasteryEvents;
import org.tutorgraph.learner.NewEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a batch must satisfy before it is written: event types are short identifiers, payloads are JSON objects of at
 * most {@value #MAX_PAYLOAD_CHARS} characters (strict: no duplicate keys, nothing after the object), and
 * {@link MasteryEvents#TYPE} payloads follow that contract. Checked before the transaction starts, so a bad batch
 * writes nothing. O(total payload size).
 */
final class EventChecks {

    static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");
    static final int MAX_PAYLOAD_CHARS = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventChecks() {
    }

    /**
     * Checks every event of a batch.
     *
     * @return per event, its mastery update, or null for events of other types
     * @throws IllegalArgumentException naming the event (by its index in the batch) and the problem
     */
    static List<MasteryEvents.Update> check(List<NewEvent> events) {
        List<MasteryEvents.Update> updates = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            if (e == null) throw new IllegalArgumentException("event " + i + " of the batch is null");
            if (!TYPE.matcher(e.type()).matches()) {
                throw new IllegalArgumentException("event " + i + ": type must be 1-64 letters, digits, '_' or '.', starting with a letter");
            }
            if (e.payload().length() > MAX_PAYLOAD_CHARS) {
                throw new IllegalArgumentException("event " + i + " (" + e.type() + "): payload is longer than " + MAX_PAYLOAD_CHARS + " characters");
            }
            JsonNode node;
            try {
                node = JSON.readTree(e.payload());
            } catch (JsonProcessingException x) {
                throw new IllegalArgumentException("event " + i + " (" + e.type() + "): payload is not valid JSON: " + x.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("event " + i + " (" + e.type() + "): payload must be a JSON object");
            }
            if (MasteryEvents.TYPE.equals(e.type())) {
                try {
                    updates.add(MasteryEvents.parse(e.payload()));
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("event " + i + ": " + x.getMessage());
                }
            } else {
                updates.add(null);
            }
        }
        return updates;
    }
}
