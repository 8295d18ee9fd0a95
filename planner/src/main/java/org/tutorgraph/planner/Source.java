package org.tutorgraph.planner;

import org.tutorgraph.graph.Link;

import java.util.List;

/**
 * A mastered concept the plan builds on directly: a prerequisite of a step, or a {@code supports} source that makes a
 * step cheaper.
 *
 * @param concept concept id
 * @param name    concept name
 * @param mastery the learner's posterior (≥ the threshold)
 * @param enables the real edges from it into the plan's steps ({@code requires}, the anyOf alternative relied on,
 *                or {@code supports})
 */
public record Source(String concept, String name, double mastery, List<Link> enables) {
    public Source {
        enables = List.copyOf(enables);
    }

    /** Whether some step needs it (rather than only being cheaper thanks to it). */
    public boolean isPrerequisite() {
        for (Link link : enables) if (link.isPrerequisite()) return true;
        return false;
    }
}
