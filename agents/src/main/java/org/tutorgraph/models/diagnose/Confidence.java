package org.tutorgraph.models.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How sure the model says it is: a word, never a probability (the model's numbers are not calibrated). */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return List.of("high", "medium", "low");
    }

    public static Optional<Confidence> fromKey(String key) {
        if (key == null) return Optional.empty();
        for (Confidence c : values()) if (c.key().equals(key.strip().toLowerCase(Locale.ROOT))) return Optional.of(c);
        return Optional.empty();
    }

    public boolean atLeast(Confidence other) {
        return compareTo(other) >= 0;
    }
}
