package org.tutorgraph.session.model;

import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.PlanAdopted;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learner's progress on one course, as the learner model holds it (an immutable view, sorted collections so that
 * anything derived from it is deterministic; see {@link LearnerModel}).
 *
 * @param lastSession the session that last worked on this course ("" before any)
 * @param goals       the goals, in order (empty until chosen)
 * @param diagnosis   the diagnosis' state
 * @param plan        the adopted plan, or null when none is in force (no goals yet, new goals, a new diagnosis)
 * @param open        the item being worked on (open, or just solved/revealed and not replaced yet), or null
 * @param practised   per concept, the items presented in practice since the current goals were set (or the last
 *                    diagnosis), in order: what "its items are used up" counts
 * @param seen        every item ever presented in practice on this course
 * @param diagnosed   the items asked in diagnoses (seen, without feedback)
 * @param skipped     concepts skipped for now (since the current goals were set), in the order skipped
 * @param completed   concepts the tutor is done with since the current goals were set, and why
 * @param untraced    practice evidence not yet traced: one entry per (answer, concept), oldest first
 * @param finished    whether the plan was reported finished (nothing left to practise)
 * @param turns       student turns on this course
 */
public record CourseProgress(String lastSession, List<String> goals, DiagnosisProgress diagnosis, PlanAdopted plan,
                             OpenItem open, Map<String, List<String>> practised, Set<String> seen, Set<String> diagnosed,
                             List<String> skipped, Map<String, ConceptCompleted.Outcome> completed,
                             List<Evidence> untraced, boolean finished, int turns) {

    /** One graded answer's evidence on one concept, waiting for knowledge tracing. */
    public record Evidence(String concept, boolean correct) {
    }

    public CourseProgress {
        goals = List.copyOf(goals);
        java.util.TreeMap<String, List<String>> p = new java.util.TreeMap<>();
        practised.forEach((k, v) -> p.put(k, List.copyOf(v)));
        practised = java.util.Collections.unmodifiableSortedMap(p);
        seen = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(seen));
        diagnosed = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(diagnosed));
        skipped = List.copyOf(skipped);
        completed = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(completed));
        untraced = List.copyOf(untraced);
    }

    /** The items presented in practice for {@code concept} since the current goals were set. */
    public List<String> practised(String concept) {
        return practised.getOrDefault(concept, List.of());
    }
}
