package org.tutorgraph.planner;

import org.tutorgraph.graph.Link;

import java.util.List;

/**
 * One step of a plan: a concept to learn, with why it is there.
 *
 * @param number     1-based position in the plan
 * @param concept    concept id
 * @param name       concept name
 * @param area       the concept's area ("" when unknown)
 * @param difficulty 1…5
 * @param mastery    the learner's current posterior for it
 * @param cost       minutes it is expected to take ({@link org.tutorgraph.planner.cost.ConceptCost})
 * @param goal       whether it is one of the learner's goals
 * @param forGoals   the goals that need it (itself, for a goal), in the order the goals were given
 * @param enables    the real prerequisite edges from it to later steps ({@code requires}, or the anyOf alternative
 *                   the plan relies on): why it comes before them
 */
public record Step(int number, String concept, String name, String area, double difficulty, double mastery,
                   double cost, boolean goal, List<String> forGoals, List<Link> enables) {
    public Step {
        forGoals = List.copyOf(forGoals);
        enables = List.copyOf(enables);
    }
}
