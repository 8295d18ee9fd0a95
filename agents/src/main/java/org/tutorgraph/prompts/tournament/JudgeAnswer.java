package org.tutorgraph.prompts.tournament;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's reply: JSON {@code {"winner": "A" | "B" | "tie", "reason": "…"}}, possibly wrapped in prose or a
 * code fence. Anything else is invalid: it is counted and reported, never guessed.
 *
 * @param winner {@code A}, {@code B} or {@code tie}
 * @param reason the judge's reason ("" when absent)
 */
public record JudgeAnswer(String winner, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT = Pattern.compile("\\{.*}", Pattern.DOTALL);

    public static Optional<JudgeAnswer> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = OBJECT.matcher(text);
        if (!m.find()) return Optional.empty();
        JsonNode node;
        try {
            node = JSON.readTree(m.group());
        } catch (Exception e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.has("winner")) return Optional.empty();
        String w = node.get("winner").asText().strip().toUpperCase(Locale.ROOT);
        if (w.startsWith("REPLY ")) w = w.substring(6).strip();
        String winner = switch (w) {
            case "A" -> "A";
            case "B" -> "B";
            case "TIE", "DRAW", "EQUAL", "NEITHER", "BOTH" -> "tie";
            default -> null;
        };
        if (winner == null) return Optional.empty();
        JsonNode reason = node.get("reason");
        return Optional.of(new JudgeAnswer(winner, reason == null || reason.isNull() ? "" : reason.asText().strip()));
    }
}
