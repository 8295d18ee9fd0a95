package org.tutorgraph.planner;

import org.tutorgraph.graph.Link;

import java.util.List;

/**
 * A mastered concept the plan builds on directly.
 *
 * @param concept concept id
 * @param name    concept name
 * @param mastery the learner's posterior (≥ the threshold)
 * @param enables the real prerequisite edges from it into the plan's steps
 */
public record Source(String concept, String name, double mastery, List<Link> enables) {
    public Source {
        enables = List.copyOf(enables);
    }
}
