package org.tutorgraph.planner.eval;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.select.GreedySelector;
import org.tutorgraph.planner.select.SelectionProblem;


/** The plans the evaluation compares ours with. */
public final class Baselines {

    private Baselines() {
    }

    /**
     * Union of per-goal shortest paths from the mastered set — what the public GraphMASAL re-implementation does.
     * In the prerequisite DAG with node weights = concept costs, dist(v) = 0 for a mastered v, else cost(v) + the
     * smallest dist over its prerequisite parents ({@code requires} or anyOf alternatives; a concept without
     * parents starts a path). Each goal contributes the concepts on its cheapest chain; the union is sorted
     * topologically. A chain follows one parent per concept, so the other {@code requires} parents are skipped: this
     * is the baseline's known flaw, counted as violations. O(ancestors of the goals).
     */
    public static int[] shortestPathUnion(SelectionProblem problem, int[] goals) {
        PlannerGraph graph = problem.graph();
        int n = graph.size();
        double[] dist = new double[n];
        int[] via = new int[n];
        byte[] state = new byte[n];
        IntList stack = new IntList(64);
        for (int goal : goals) {
            stack.add(goal);
            while (!stack.isEmpty()) {
                int v = stack.last();
                if (state[v] == 2) {
                    stack.pop();
                    continue;
                }
                if (problem.mastered(v)) {
                    dist[v] = 0;
                    via[v] = -1;
                    state[v] = 2;
                    stack.pop();
                    continue;
                }
                if (state[v] == 0) {
                    state[v] = 1;
                    boolean pushed = false;
                    for (int u : graph.requires(v)) if (state[u] == 0) { stack.add(u); pushed = true; }
                    for (int g : graph.groupsOf(v)) for (int u : graph.alternatives(g)) if (state[u] == 0) { stack.add(u); pushed = true; }
                    if (pushed) continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int bestParent = -1;
                for (int u : graph.requires(v)) if (dist[u] < best) { best = dist[u]; bestParent = u; }
                for (int g : graph.groupsOf(v)) for (int u : graph.alternatives(g)) if (dist[u] < best) { best = dist[u]; bestParent = u; }
                dist[v] = problem.cost(v) + (bestParent < 0 ? 0 : best);
                via[v] = bestParent;
                state[v] = 2;
                stack.pop();
            }
        }
        boolean[] in = new boolean[n];
        IntList union = new IntList(64);
        for (int goal : goals) {
            for (int v = goal; v >= 0 && !problem.mastered(v) && !in[v]; v = via[v]) {
                in[v] = true;
                union.add(v);
            }
        }
        return topological(graph, union.toArray());
    }

    /** Our selection in the course's plain topological order: isolates what the orderer adds. */
    public static int[] topologicalOfSelection(SelectionProblem problem, int[] goals) {
        return topological(problem.graph(), GreedySelector.select(problem, goals).members());
    }

    /**
     * The full prerequisite closure — every unmastered ancestor through {@code requires} edges and every anyOf
     * alternative — in topological order: what a planner that ignores the "one of" in anyOf would teach.
     */
    public static int[] closureAll(SelectionProblem problem, int[] goals) {
        PlannerGraph graph = problem.graph();
        boolean[] in = new boolean[graph.size()];
        IntList stack = new IntList(64);
        IntList out = new IntList(64);
        for (int goal : goals) if (!in[goal] && !problem.mastered(goal)) { in[goal] = true; stack.add(goal); }
        while (!stack.isEmpty()) {
            int v = stack.pop();
            out.add(v);
            for (int u : graph.requires(v)) if (!in[u] && !problem.mastered(u)) { in[u] = true; stack.add(u); }
            for (int g : graph.groupsOf(v)) {
                for (int u : graph.alternatives(g)) if (!in[u] && !problem.mastered(u)) { in[u] = true; stack.add(u); }
            }
        }
        return topological(graph, out.toArray());
    }

    /** Sorts concept indices by the course's topological order. */
    public static int[] topological(PlannerGraph graph, int[] concepts) {
        return graph.sortTopologically(concepts);
    }
}
