package org.tutorgraph.models.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The agents that may use a model, each with its own setting (a small model may grade while a larger one tutors).
 * The key names the role in flags ({@code --tutor-model}), environment variables ({@code TUTORGRAPH_TUTOR_MODEL}) and
 * the config file ({@code tutor: {model: …}}).
 */
public enum ModelRole {
    /** The Tutor: phrases hints and feedback. */
    TUTOR("tutor", "Tutor (hints and feedback)"),
    /** The Diagnostician: grades free-text answers and names misconceptions. */
    GRADER("grader", "Diagnostician (grading, misconceptions)"),
    /** The Planner: phrases the plan's rationale (the plan itself stays algorithmic). */
    PLANNER("planner", "Planner (plan rationale)");

    private final String key;
    private final String title;

    ModelRole(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    /** Who the role is, for people. */
    public String title() {
        return title;
    }

    /** The role named {@code key}; {@code diagnostician} is accepted for the grader. */
    public static Optional<ModelRole> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (ModelRole r : values()) {
            if (r.key.equals(k)) return Optional.of(r);
        }
        if (k.equals("diagnostician")) return Optional.of(GRADER);
        return Optional.empty();
    }

    /** The environment-variable infix: {@code TUTOR}, {@code GRADER}, {@code PLANNER}. */
    public String envName() {
        return key.toUpperCase(Locale.ROOT);
    }
}
