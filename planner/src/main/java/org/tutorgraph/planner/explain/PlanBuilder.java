package org.tutorgraph.planner.explain;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.IntList;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an ordered selection into a {@link Plan}: for every step, the goals that need it and the real edges that
 * put it before later steps; the mastered concepts the plan builds on; totals.
 *
 * <p>The goals that need a step are found in one backward sweep over the order (a step needs what its successors
 * need), so O(steps · (degree + goals / 64)) plus O(V) for a position array.
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    /**
     * @param order        the steps as concept indices, in order
     * @param satisfier    per anyOf group, the alternative the plan relies on (-1 when not needed)
     * @param goals        the goals as asked (ids), in order
     * @param plannedGoals the reachable, unmastered goals (indices)
     */
    public static Plan build(SelectionProblem problem, int[] order, int[] satisfier, List<String> goals, int[] plannedGoals,
                             List<String> masteredGoals, List<UnreachableGoal> unreachable, SequenceConfig sequence) {
        PlannerGraph graph = problem.graph();
        int m = order.length;
        int[] position = new int[graph.size()];
        Arrays.fill(position, -1);
        for (int k = 0; k < m; k++) position[order[k]] = k;

        // predecessors of each step within the plan, and the edges each step enables
        int[][] preds = new int[m][];
        Link[][] enables = new Link[m][];
        int[] enableCount = new int[m];
        // mastered prerequisites the steps build on: position[u] = -2 - (index in sourceConcepts)
        IntList sourceConcepts = new IntList(16);
        List<List<Link>> sourceLinks = new ArrayList<>();
        IntList ps = new IntList(8);
        for (int k = 0; k < m; k++) {
            int w = order[k];
            ps.clear();
            int[] req = graph.requires(w);
            for (int i = 0; i < req.length; i++) {
                int u = req[i];
                int pu = position[u];
                if (pu >= 0) {
                    addLink(enables, enableCount, pu, graph.requiresLink(w, i));
                    ps.add(pu);
                } else if (problem.mastered(u)) {
                    source(position, sourceConcepts, sourceLinks, u).add(graph.requiresLink(w, i));
                }
            }
            for (int g : graph.groupsOf(w)) {
                int s = satisfier[g];
                if (s < 0) continue;
                Link link = graph.anyOfLinkFrom(g, s);
                int pss = position[s];
                if (pss >= 0) {
                    addLink(enables, enableCount, pss, link);
                    ps.add(pss);
                } else if (problem.mastered(s)) {
                    source(position, sourceConcepts, sourceLinks, s).add(link);
                }
            }
            preds[k] = ps.toArray();
            int[] supporters = graph.supportedBy(w);
            for (int i = 0; i < supporters.length; i++) {
                int u = supporters[i];
                if (position[u] < 0 && problem.mastered(u)) {
                    source(position, sourceConcepts, sourceLinks, u)
                            .add(new Link.Supports(graph.id(u), graph.id(w), graph.supportStrength(w)[i]));
                }
            }
        }

        // which goals need each step: one backward sweep, with goal sets as bit masks
        int goalCount = goals.size();
        int words = Math.max(1, (goalCount + 63) >>> 6);
        long[] need = new long[m * words];
        for (int gi = 0; gi < goalCount; gi++) {
            int v = graph.indexOf(goals.get(gi));
            int k = v < 0 ? -1 : position[v];
            if (k >= 0) need[k * words + (gi >>> 6)] |= 1L << (gi & 63);
        }
        for (int k = m - 1; k >= 0; k--) {
            for (int p : preds[k]) {
                for (int w = 0; w < words; w++) need[p * words + w] |= need[k * words + w];
            }
        }
        Map<List<Long>, List<String>> goalLists = new HashMap<>();
        List<String> lastGoals = List.of();
        long[] lastMask = new long[words];

        boolean[] isGoal = new boolean[m];
        for (int goal : plannedGoals) {
            if (position[goal] >= 0) isGoal[position[goal]] = true;
        }
        List<Concept> concepts = graph.course().concepts();
        List<Step> steps = new ArrayList<>(m);
        double learning = 0;
        for (int k = 0; k < m; k++) {
            int v = order[k];
            Concept c = concepts.get(v);
            double cost = problem.cost(v);
            learning += cost;
            boolean same = true;
            for (int w = 0; w < words; w++) same &= need[k * words + w] == lastMask[w];
            if (!same) {
                System.arraycopy(need, k * words, lastMask, 0, words);
                List<Long> key = new ArrayList<>(words);
                for (int w = 0; w < words; w++) key.add(lastMask[w]);
                lastGoals = goalLists.computeIfAbsent(key, x -> {
                    List<String> names = new ArrayList<>();
                    for (int gi = 0; gi < goalCount; gi++) {
                        if ((lastMask[gi >>> 6] >>> (gi & 63) & 1L) != 0) names.add(goals.get(gi));
                    }
                    return List.copyOf(names);
                });
            }
            List<String> forGoals = lastGoals;
            List<Link> links = enableCount[k] == 0 ? List.of() : List.of(Arrays.copyOf(enables[k], enableCount[k]));
            steps.add(new Step(k + 1, c.id(), c.name(), c.area(), c.difficulty(), problem.posterior()[v], cost,
                    isGoal[k], forGoals, links));
        }
        List<Source> sources = new ArrayList<>(sourceConcepts.size());
        for (int i = 0; i < sourceConcepts.size(); i++) {
            int u = sourceConcepts.get(i);
            sources.add(new Source(graph.id(u), concepts.get(u).name(), problem.posterior()[u], sourceLinks.get(i)));
            position[u] = -1;
        }
        PlanTotals totals = new PlanTotals(m, learning, SequenceCostModel.evaluate(graph, order, position, sequence));
        return new Plan(goals, steps, sources, masteredGoals, unreachable, totals, problem.threshold());
    }

    private static List<Link> source(int[] position, IntList concepts, List<List<Link>> links, int u) {
        if (position[u] <= -2) return links.get(-2 - position[u]);
        position[u] = -2 - concepts.size();
        concepts.add(u);
        List<Link> list = new ArrayList<>(2);
        links.add(list);
        return list;
    }

    private static void addLink(Link[][] enables, int[] count, int k, Link link) {
        Link[] list = enables[k];
        if (list == null) {
            list = new Link[2];
            enables[k] = list;
        } else if (count[k] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            enables[k] = list;
        }
        list[count[k]++] = link;
    }
}
