package org.tutorgraph.graph;

import java.util.Locale;
import java.util.Optional;

/** How an item's answers are written and compared. */
public enum AnswerType {
    /** A number: integer, fraction, mixed number, decimal or percent; compared by value within a tolerance. */
    NUMBER("number"),
    /** An algebraic expression or equation side, compared by value at random points. */
    EXPRESSION("expression"),
    /** Multiple choice: answers name a choice by letter (A, B, …) or by its text. */
    CHOICE("choice"),
    /** Free text, compared after normalisation (case, spaces, punctuation). */
    TEXT("text");

    private final String key;

    AnswerType(String key) {
        this.key = key;
    }

    /** The word used in course-pack files. */
    public String key() {
        return key;
    }

    public static Optional<AnswerType> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (AnswerType t : values()) {
            if (t.key.equals(k)) return Optional.of(t);
        }
        if (k.equals("multiple-choice") || k.equals("mc")) return Optional.of(CHOICE);
        return Optional.empty();
    }
}
