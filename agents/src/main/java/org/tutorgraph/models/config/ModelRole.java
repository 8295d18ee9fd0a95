package org.tutorgraph.models.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The agents that may use a model, each with its own setting (a small model may grade while a larger one tutors).
 * The key names the role in flags ({@code --tutor-model}), environment variables ({@code TUTORGRAPH_TUTOR_MODEL}) and
 * the config file ({@code tutor: {model: …}}).
 *
 * <p>The first three are the session's agents. The {@link #JUDGE} is not part of a session: it judges replies in
 * {@code tutor prompts tournament}, and without settings of its own it uses the tutor's ({@link #inheritsFrom()}).
 */
public enum ModelRole {
    /** The Tutor: phrases hints and feedback. */
    TUTOR("tutor", "Tutor (hints and feedback)"),
    /** The Diagnostician: grades free-text answers and names misconceptions. */
    GRADER("grader", "Diagnostician (grading, misconceptions)"),
    /** The Planner: phrases the plan's rationale (the plan itself stays algorithmic). */
    PLANNER("planner", "Planner (plan rationale)"),
    /** The judge of {@code tutor prompts tournament}: compares two tutor replies; the tutor's model unless set. */
    JUDGE("judge", "Judge (prompt tournament)");

    private final String key;
    private final String title;

    ModelRole(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** Whether the tutoring session uses this role (the judge only runs in a prompt tournament). */
    public boolean inSession() {
        return this != JUDGE;
    }

    /**
     * The role whose settings this one uses for a key it does not set itself, before the shared key: the judge
     * falls back to the tutor (a tournament needs one model, not two). Empty for the session's agents.
     */
    public Optional<ModelRole> inheritsFrom() {
        return this == JUDGE ? Optional.of(TUTOR) : Optional.empty();
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

    /** The environment-variable infix: {@code TUTOR}, {@code GRADER}, {@code PLANNER}, {@code JUDGE}. */
    public String envName() {
        return key.toUpperCase(Locale.ROOT);
    }
}
