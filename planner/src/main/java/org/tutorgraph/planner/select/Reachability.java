package org.tutorgraph.planner.select;

import org.tutorgraph.planner.PlannerGraph;

import java.util.ArrayList;
import java.util.List;

/** Why a goal cannot be reached: the chain from the goal to what blocks it. */
public final class Reachability {

    private static final int MAX_HOPS = 6;

    private Reachability() {
    }

    /**
     * A one-line reason why {@code goal} is not {@link SelectionProblem#available available}, following the first
     * blocked prerequisite down to the cause: an excluded concept, or an anyOf group none of whose alternatives can
     * be learned. O(hops · degree).
     */
    public static String whyUnreachable(SelectionProblem problem, int goal) {
        PlannerGraph graph = problem.graph();
        List<String> chain = new ArrayList<>();
        int v = goal;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            if (problem.isExcluded(v)) {
                chain.add("'" + graph.id(v) + "' cannot be taught now (unavailable)");
                return String.join(", ", chain);
            }
            int next = -1;
            for (int p : graph.requires(v)) {
                if (!problem.available(p)) {
                    next = p;
                    chain.add("'" + graph.id(v) + "' requires '" + graph.id(p) + "'");
                    break;
                }
            }
            if (next < 0) {
                for (int g : graph.groupsOf(v)) {
                    boolean any = false;
                    for (int a : graph.alternatives(g)) any |= problem.available(a);
                    if (!any) {
                        List<String> alts = new ArrayList<>();
                        for (int a : graph.alternatives(g)) alts.add(graph.id(a));
                        chain.add("anyOf group " + graph.groupId(g) + " of '" + graph.id(v)
                                + "' has no available alternative (" + String.join(", ", alts) + ")");
                        return String.join(", ", chain);
                    }
                }
                return String.join(", ", chain);
            }
            v = next;
        }
        chain.add("…");
        return String.join(", ", chain);
    }
}
