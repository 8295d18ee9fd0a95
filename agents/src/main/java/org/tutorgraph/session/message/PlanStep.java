package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * One step of an adopted plan, with why it is there (what {@code /plan} and {@code /why} show).
 *
 * @param number   1-based position
 * @param concept  concept id
 * @param name     concept name
 * @param area     the concept's area, or ""
 * @param minutes  expected learning time (the planner's cost)
 * @param mastery  the learner's posterior when the plan was made
 * @param goal     whether it is one of the goals
 * @param forGoals the goals that need it
 * @param enables  the prerequisite edges from it into later steps: why it comes before them
 */
public record PlanStep(int number, String concept, String name, String area, double minutes, double mastery, boolean goal,
                       List<String> forGoals, List<Edge> enables) {

    /**
     * An edge from this step to a later one.
     *
     * @param kind       {@code requires} or {@code anyOf}
     * @param to         the later concept
     * @param chosenOver for an anyOf edge, the alternatives the plan did not take
     */
    public record Edge(String kind, String to, List<String> chosenOver) {
        public Edge {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            chosenOver = chosenOver == null ? List.of() : List.copyOf(chosenOver);
        }
    }

    public PlanStep {
        Objects.requireNonNull(concept, "concept");
        name = name == null ? concept : name;
        area = area == null ? "" : area;
        forGoals = List.copyOf(forGoals);
        enables = List.copyOf(enables);
    }
}
