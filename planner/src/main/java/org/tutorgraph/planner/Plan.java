package org.tutorgraph.planner;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;

import java.util.List;
import java.util.Optional;

/**
 * A learning plan: the ordered steps that make every reachable goal learnable, why each step is there, what it
 * costs, and the goals that are already mastered or cannot be reached.
 *
 * @param goals         the goals as asked (duplicates removed), in order
 * @param steps         what to learn, in order; every prerequisite of a step is mastered or an earlier step
 * @param sources       the mastered concepts the steps build on directly
 * @param masteredGoals goals the learner already masters (no steps needed)
 * @param unreachable   goals that cannot be reached, with the reason
 * @param totals        costs
 * @param threshold     the mastery threshold the plan was made with
 */
public record Plan(List<String> goals, List<Step> steps, List<Source> sources, List<String> masteredGoals,
                   List<UnreachableGoal> unreachable, PlanTotals totals, double threshold) {

    public Plan {
        goals = List.copyOf(goals);
        steps = List.copyOf(steps);
        sources = List.copyOf(sources);
        masteredGoals = List.copyOf(masteredGoals);
        unreachable = List.copyOf(unreachable);
    }

    /** The step that teaches {@code concept}, if the plan has one. */
    public Optional<Step> step(String concept) {
        for (Step s : steps) if (s.concept().equals(concept)) return Optional.of(s);
        return Optional.empty();
    }

    /** The first step, the one to teach now. */
    public Optional<Step> next() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(0));
    }

    /** The concept ids of the steps, in order. */
    public List<String> conceptOrder() {
        return steps.stream().map(Step::concept).toList();
    }

    /** Whether every goal is mastered or planned. */
    public boolean reachesAllGoals() {
        return unreachable.isEmpty();
    }

    /**
     * Whether learning that {@code concept} now has posterior {@code newPosterior} makes this plan wrong or wasteful,
     * so that it should be re-planned. True when:
     * <ul>
     *   <li>a step becomes mastered (it, and what only it needed, can go);</li>
     *   <li>a mastered goal or a mastered prerequisite of a step ({@link #sources()}) drops below the threshold (a
     *   prerequisite is missing now);</li>
     *   <li>a concept becomes mastered that is an anyOf alternative for a step (a chosen alternative may be
     *   unnecessary now);</li>
     *   <li>a concept becomes mastered while some goal is unreachable (it may unblock it).</li>
     * </ul>
     * A change that stays on the same side of the threshold only changes costs and never invalidates the plan.
     * O(steps + groups containing the concept).
     */
    public boolean isInvalidatedBy(CourseGraph graph, String concept, double newPosterior) {
        boolean nowMastered = newPosterior >= threshold;
        if (step(concept).isPresent()) return nowMastered;
        if (masteredGoals.contains(concept)) return !nowMastered;
        if (!nowMastered) {
            for (Source s : sources) if (s.concept().equals(concept)) return s.isPrerequisite();
            return false;
        }
        if (!unreachable.isEmpty()) return true;
        for (AnyOfGroup group : graph.groupsContaining(concept)) {
            if (step(group.concept()).isPresent()) return true;
        }
        return false;
    }

    /** The edges from {@code concept} into later steps (empty when it is not a step). */
    public List<Link> enables(String concept) {
        return step(concept).map(Step::enables).orElse(List.of());
    }
}
