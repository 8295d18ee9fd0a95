package org.tutorgraph.planner.eval;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Gives a real prerequisite graph (which has only {@code requires} edges) some anyOf groups, for evaluation: for
 * each concept with at least two {@code requires} parents, in the course's declaration order, with probability
 * {@code fraction}: shuffle its parents (seeded), take the first 2 or 3 (uniformly, capped by the number of
 * parents) and turn them into one anyOf group "any one of these suffices", removing those {@code requires} edges.
 * The other parents stay hard prerequisites. Only relaxes constraints, so the result is still acyclic; existing
 * groups and {@code supports} edges are kept. O(V + E).
 */
public final class AnyOfTransform {

    private AnyOfTransform() {
    }

    public static CourseGraph apply(CourseGraph course, double fraction, long seed) {
        if (fraction <= 0) return course;
        Random rng = new Random(seed);
        CourseGraph.Builder b = CourseGraph.builder();
        for (Concept c : course.concepts()) b.concept(c);
        Set<Link.Requires> dropped = new HashSet<>();
        List<AnyOfGroup> added = new ArrayList<>();
        for (Concept c : course.concepts()) {
            List<String> parents = course.requires(c.id());
            if (parents.size() < 2 || rng.nextDouble() >= fraction) continue;
            List<String> shuffled = new ArrayList<>(parents);
            Collections.shuffle(shuffled, rng);
            int size = Math.min(shuffled.size(), 2 + rng.nextInt(2));
            List<String> alternatives = shuffled.subList(0, size);
            for (String a : alternatives) dropped.add(new Link.Requires(a, c.id()));
            String id = c.id() + "#" + (course.anyOfGroups(c.id()).size() + 1);
            added.add(new AnyOfGroup(id, c.id(), List.copyOf(alternatives)));
        }
        for (Link.Requires r : course.requiresLinks()) if (!dropped.contains(r)) b.requires(r.prerequisite(), r.concept());
        for (AnyOfGroup g : course.anyOfGroups()) b.anyOf(g);
        for (AnyOfGroup g : added) b.anyOf(g);
        for (Link.Supports s : course.supportsLinks()) b.supports(s.supporter(), s.concept(), s.strength());
        return b.build();
    }
}
