package org.tutorgraph.session.message;

import java.util.List;

/**
 * Nothing is left to practise on the plan.
 *
 * @param mastered    the goals the learner now masters
 * @param notMastered the goals not mastered yet (their items ran out, or they cannot be reached)
 */
public record PlanFinished(List<String> mastered, List<String> notMastered) implements SessionMessage {
    public PlanFinished {
        mastered = List.copyOf(mastered);
        notMastered = List.copyOf(notMastered);
    }
}
