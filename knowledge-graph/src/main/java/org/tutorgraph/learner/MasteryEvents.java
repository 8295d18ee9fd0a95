package org.tutorgraph.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract between the event log and the mastery view: an event of type {@value #TYPE} carries a JSON object
 * with the fields {@value #CONCEPT} (string), {@value #POSTERIOR} (number in [0, 1]) and {@value #EVIDENCE} (integer
 * ≥ 0); other fields are allowed and ignored. The store folds these into the view as they are appended and when the
 * view is rebuilt: per concept, the event with the highest sequence number wins. Every other event type is stored and
 * replayed but does not touch the view.
 */
public final class MasteryEvents {
    public static final String TYPE = "MasteryUpdated";
    public static final String CONCEPT = "concept";
    public static final String POSTERIOR = "posterior";
    public static final String EVIDENCE = "evidence";

    /** Longest concept id the view accepts (course-pack ids are far shorter). */
    public static final int MAX_CONCEPT_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private MasteryEvents() {
    }

    /** The fields of one {@value #TYPE} event. */
    public record Update(String concept, double posterior, int evidence) {
    }

    /** A {@value #TYPE} event for {@code concept}, following the contract. */
    public static NewEvent event(String concept, double posterior, int evidence) {
        Update checked = check(concept, posterior, evidence);
        ObjectNode node = JSON.createObjectNode();
        node.put(CONCEPT, checked.concept());
        node.put(POSTERIOR, checked.posterior());
        node.put(EVIDENCE, checked.evidence());
        return new NewEvent(TYPE, node.toString());
    }

    /**
     * Reads the fields of a {@value #TYPE} payload.
     *
     * @throws IllegalArgumentException naming the field when the payload breaks the contract
     */
    public static Update parse(String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(TYPE + " payload is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException(TYPE + " payload is not a JSON object");
        JsonNode concept = node.get(CONCEPT);
        JsonNode posterior = node.get(POSTERIOR);
        JsonNode evidence = node.get(EVIDENCE);
        if (concept == null || !concept.isTextual()) {
            throw new IllegalArgumentException(TYPE + " payload needs a string field '" + CONCEPT + "'");
        }
        if (posterior == null || !posterior.isNumber()) {
            throw new IllegalArgumentException(TYPE + " payload needs a number field '" + POSTERIOR + "'");
        }
        if (evidence == null || !evidence.canConvertToInt() || !evidence.isIntegralNumber()) {
            throw new IllegalArgumentException(TYPE + " payload needs an integer field '" + EVIDENCE + "'");
        }
        return check(concept.textValue(), posterior.doubleValue(), evidence.intValue());
    }

    /**
     * The mastery view that a log implies: per concept, the {@value #TYPE} event with the highest sequence number.
     * O(n log c) for n events over c concepts.
     */
    public static Map<String, Mastery> fold(Iterable<StoredEvent> log) {
        Map<String, Mastery> view = new TreeMap<>();
        for (StoredEvent e : log) {
            if (!TYPE.equals(e.type())) continue;
            Update u = parse(e.payload());
            Mastery previous = view.get(u.concept());
            if (previous == null || previous.seq() < e.seq()) {
                view.put(u.concept(), new Mastery(u.concept(), u.posterior(), u.evidence(), e.seq()));
            }
        }
        return new LinkedHashMap<>(view);
    }

    private static Update check(String concept, double posterior, int evidence) {
        if (concept == null || concept.isBlank()) throw new IllegalArgumentException(TYPE + ": '" + CONCEPT + "' is empty");
        if (concept.length() > MAX_CONCEPT_LENGTH) {
            throw new IllegalArgumentException(TYPE + ": '" + CONCEPT + "' is longer than " + MAX_CONCEPT_LENGTH + " characters");
        }
        if (concept.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(TYPE + ": '" + CONCEPT + "' contains control characters");
        }
        if (!(posterior >= 0.0 && posterior <= 1.0)) {
            throw new IllegalArgumentException(TYPE + ": '" + POSTERIOR + "' must be in [0, 1], got " + posterior);
        }
        if (evidence < 0) throw new IllegalArgumentException(TYPE + ": '" + EVIDENCE + "' must be >= 0, got " + evidence);
        return new Update(concept, posterior, evidence);
    }
}
