package org.tutorgraph.planner.explain;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.PlanTotals;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.Source;
import org.tutorgraph.planner.Step;
import org.tutorgraph.planner.UnreachableGoal;
import org.tutorgraph.planner.cost.SequenceConfig;
import org.tutorgraph.planner.cost.SequenceCostModel;
import org.tutorgraph.planner.select.SelectionProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an ordered selection into a {@link Plan}: for every step, the goals that need it and the real edges that
 * put it before later steps; the mastered concepts the plan builds on; totals. O(steps · (goals + degree)).
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    /**
     * @param order         the steps as concept indices, in order
     * @param satisfier     per anyOf group, the alternative the plan relies on (-1 when not needed)
     * @param goals         the goals as asked (ids), in order
     * @param plannedGoals  the reachable, unmastered goals (indices)
     */
    public static Plan build(SelectionProblem problem, int[] order, int[] satisfier, List<String> goals, int[] plannedGoals,
                             List<String> masteredGoals, List<UnreachableGoal> unreachable, SequenceConfig sequence) {
        PlannerGraph graph = problem.graph();
        int m = order.length;
        int[] position = new int[graph.size()];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < m; k++) position[order[k]] = k;

        List<List<Link>> enables = new ArrayList<>(m);
        for (int k = 0; k < m; k++) enables.add(new ArrayList<>(2));
        Map<Integer, List<Link>> sourceLinks = new LinkedHashMap<>();
        int[][] preds = new int[m][];
        org.tutorgraph.planner.IntList ps = new org.tutorgraph.planner.IntList(8);
        for (int k = 0; k < m; k++) {
            int w = order[k];
            ps.clear();
            for (int u : graph.requires(w)) {
                int pu = position[u];
                if (pu >= 0) {
                    enables.get(pu).add(new Link.Requires(graph.id(u), graph.id(w)));
                    ps.add(pu);
                } else if (problem.mastered(u)) {
                    sourceLinks.computeIfAbsent(u, x -> new ArrayList<>()).add(new Link.Requires(graph.id(u), graph.id(w)));
                }
            }
            for (int g : graph.groupsOf(w)) {
                int s = satisfier[g];
                if (s < 0) continue;
                Link link = new Link.AnyOf(graph.id(s), graph.id(w), graph.groupId(g));
                int pss = position[s];
                if (pss >= 0) {
                    enables.get(pss).add(link);
                    ps.add(pss);
                } else if (problem.mastered(s)) {
                    sourceLinks.computeIfAbsent(s, x -> new ArrayList<>()).add(link);
                }
            }
            preds[k] = ps.toArray();
        }

        List<List<String>> forGoals = new ArrayList<>(m);
        for (int k = 0; k < m; k++) forGoals.add(new ArrayList<>(1));
        int[] stamp = new int[m];
        int sv = 0;
        int[] stack = new int[Math.max(4, m)];
        for (String goalId : goals) {
            int goalIndex = graph.indexOf(goalId);
            int start = goalIndex < 0 ? -1 : position[goalIndex];
            if (start < 0) continue;
            sv++;
            int top = 0;
            stack[top++] = start;
            stamp[start] = sv;
            while (top > 0) {
                int k = stack[--top];
                forGoals.get(k).add(goalId);
                for (int p : preds[k]) {
                    if (stamp[p] != sv) {
                        stamp[p] = sv;
                        stack[top++] = p;
                    }
                }
            }
        }

        boolean[] isGoal = new boolean[m];
        for (int goal : plannedGoals) {
            if (position[goal] >= 0) isGoal[position[goal]] = true;
        }
        List<Step> steps = new ArrayList<>(m);
        double learning = 0;
        for (int k = 0; k < m; k++) {
            int v = order[k];
            Concept c = graph.course().concepts().get(v);
            double cost = problem.cost(v);
            learning += cost;
            steps.add(new Step(k + 1, c.id(), c.name(), c.area(), c.difficulty(), problem.posterior()[v], cost,
                    isGoal[k], forGoals.get(k), enables.get(k)));
        }
        List<Source> sources = new ArrayList<>(sourceLinks.size());
        for (Map.Entry<Integer, List<Link>> e : sourceLinks.entrySet()) {
            int u = e.getKey();
            sources.add(new Source(graph.id(u), graph.course().concepts().get(u).name(), problem.posterior()[u], e.getValue()));
        }
        PlanTotals totals = new PlanTotals(m, learning, SequenceCostModel.evaluate(graph, order, sequence));
        return new Plan(goals, steps, sources, masteredGoals, unreachable, totals, problem.threshold());
    }
}
