package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * The learner's goals on this course: the concepts the plan leads to. Clears the plan and the open item (a new plan
 * follows).
 *
 * @param goals  concept ids, in the order given
 * @param source how they were chosen
 */
public record GoalsSet(List<String> goals, Source source) implements SessionMessage {

    /** How the goals were chosen. */
    public enum Source {
        /** {@code --goal} on the command line. */
        FLAG,
        /** Picked from the course's final concepts at the start. */
        CHOSEN,
        /** Changed mid-course with {@code /goal}. */
        CHANGED
    }

    public GoalsSet {
        goals = List.copyOf(goals);
        if (goals.isEmpty()) throw new IllegalArgumentException("at least one goal");
        Objects.requireNonNull(source, "source");
    }
}
