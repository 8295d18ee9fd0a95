package org.tutorgraph.session.message;

import java.util.List;
import java.util.Objects;

/**
 * The plan the tutor follows from now on: what to learn, in which order, and why each step is there.
 *
 * @param reason          why a plan was made now
 * @param goals           the goals it leads to
 * @param steps           the steps, in order; every prerequisite of a step is mastered or an earlier step
 * @param masteredGoals   goals already mastered
 * @param unreachable     goals that cannot be reached, with the reason
 * @param learningMinutes the steps' expected learning time
 * @param totalMinutes    learning time plus the order's sequence cost
 * @param threshold       the posterior at which a concept counts as mastered
 * @param rationale       the plan's rationale as the planner's model phrased it, or "" (offline, or the model failed:
 *                        the steps' own explanations stand)
 */
public record PlanAdopted(Reason reason, List<String> goals, List<PlanStep> steps, List<String> masteredGoals,
                          List<Unreachable> unreachable, double learningMinutes, double totalMinutes, double threshold,
                          String rationale)
        implements SessionMessage {

    /** Why the plan was made. */
    public enum Reason {
        /** No plan in force (after a diagnosis, or new goals): planned from scratch. */
        FIRST,
        /** A mastery change made the previous plan wrong or wasteful: re-planned incrementally from it. */
        MASTERY_CHANGED,
        /** The previous plan could not be rebuilt (the course or the planner changed): planned from scratch. */
        REBUILT;

        /** Whether the plan was made from scratch rather than updated from the previous one. */
        public boolean fresh() {
            return this != MASTERY_CHANGED;
        }
    }

    /** A goal the plan cannot reach. */
    public record Unreachable(String goal, String reason) {
    }

    public PlanAdopted {
        Objects.requireNonNull(reason, "reason");
        goals = List.copyOf(goals);
        steps = List.copyOf(steps);
        masteredGoals = List.copyOf(masteredGoals);
        unreachable = List.copyOf(unreachable);
        rationale = rationale == null ? "" : rationale;
    }

    /** The concept ids of the steps, in order. */
    public List<String> conceptOrder() {
        return steps.stream().map(PlanStep::concept).toList();
    }
}
