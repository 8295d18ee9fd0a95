package org.tutorgraph.models.plan;

import org.tutorgraph.graph.CoursePack;

import java.util.List;
import java.util.Optional;

/**
 * Optionally phrases the rationale of the Planner's plan for the learner. The plan itself stays algorithmic: this
 * only rewords its explanation. Empty means "use the algorithmic explanation" (offline, or the model failed).
 */
public interface RationalePhraser {

    /**
     * @param goals   the goals' names
     * @param plan    the algorithmic plan, one step per line with its reason
     * @param mastery the learner's mastery summary ("" when unknown)
     */
    Optional<String> phrase(CoursePack pack, List<String> goals, String plan, String mastery);

    static RationalePhraser offline() {
        return (pack, goals, plan, mastery) -> Optional.empty();
    }
}
