package org.tutorgraph.planner.eval;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

import java.util.Arrays;

/**
 * Checks any ordered plan against the graph, whoever made it: prerequisite violations and coverage of the weak
 * concepts the goals need. O(V + edges into the plan).
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    /**
     * Prerequisite violations of {@code order} for a learner with posteriors {@code posterior}: one per
     * {@code requires} parent of a step that is neither mastered nor an earlier step, plus one per anyOf group of a
     * step with no alternative mastered or earlier.
     */
    public static int violations(PlannerGraph graph, double[] posterior, double threshold, int[] order) {
        int[] pos = positions(graph, order);
        int violations = 0;
        for (int k = 0; k < order.length; k++) {
            int v = order[k];
            for (int u : graph.requires(v)) {
                if (posterior[u] < threshold && !(pos[u] >= 0 && pos[u] < k)) violations++;
            }
            for (int g : graph.groupsOf(v)) {
                boolean ok = false;
                for (int a : graph.alternatives(g)) {
                    if (posterior[a] >= threshold || (pos[a] >= 0 && pos[a] < k)) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) violations++;
            }
        }
        return violations;
    }

    /**
     * The weak concepts the goals need whatever the plan: the unmastered goals and, recursively, their unmastered
     * {@code requires} parents (anyOf groups leave a choice, so their alternatives are not counted).
     */
    public static int[] neededWeakConcepts(PlannerGraph graph, double[] posterior, double threshold, int[] goals) {
        boolean[] seen = new boolean[graph.size()];
        IntList stack = new IntList(32);
        IntList out = new IntList(32);
        for (int goal : goals) {
            if (posterior[goal] < threshold && !seen[goal]) {
                seen[goal] = true;
                stack.add(goal);
            }
        }
        while (!stack.isEmpty()) {
            int v = stack.pop();
            out.add(v);
            for (int u : graph.requires(v)) {
                if (posterior[u] < threshold && !seen[u]) {
                    seen[u] = true;
                    stack.add(u);
                }
            }
        }
        return out.toArray();
    }

    /** How many of {@code needed} the plan contains. */
    public static int covered(PlannerGraph graph, int[] needed, int[] order) {
        int[] pos = positions(graph, order);
        int covered = 0;
        for (int v : needed) if (pos[v] >= 0) covered++;
        return covered;
    }

    private static int[] positions(PlannerGraph graph, int[] order) {
        int[] pos = new int[graph.size()];
        Arrays.fill(pos, -1);
        for (int k = 0; k < order.length; k++) pos[order[k]] = k;
        return pos;
    }
}
