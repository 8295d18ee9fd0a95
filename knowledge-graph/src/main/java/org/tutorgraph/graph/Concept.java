package org.tutorgraph.graph;

import java.util.Objects;

/**
 * A unit of knowledge the learner can master.
 *
 * @param id              stable identifier, unique in its course (letters, digits, {@code - _ . :})
 * @param name            short human name
 * @param description     what the concept is about; tutors ground their words in it
 * @param difficulty      1 (introductory) to 5 (hard); raises the cost of learning it
 * @param learningMinutes expected time for a first-time learner to master it
 * @param area            the strand or topic it belongs to ("" when unknown); switching areas costs attention
 */
public record Concept(String id, String name, String description, double difficulty, double learningMinutes, String area) {

    public static final double MIN_DIFFICULTY = 1.0;
    public static final double MAX_DIFFICULTY = 5.0;
    public static final double DEFAULT_DIFFICULTY = 2.0;
    public static final double DEFAULT_LEARNING_MINUTES = 30.0;

    public Concept {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        area = area == null ? "" : area;
    }

    /** A concept with only an id and a name, every other field at its default. */
    public static Concept of(String id, String name) {
        return new Concept(id, name, "", DEFAULT_DIFFICULTY, DEFAULT_LEARNING_MINUTES, "");
    }
}
