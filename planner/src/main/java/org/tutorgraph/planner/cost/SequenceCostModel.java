package org.tutorgraph.planner.cost;

import org.tutorgraph.planner.PlannerGraph;

import java.util.Arrays;

/**
 * Sequence cost of an ordered list of steps x_1 … x_m:
 *
 * <pre>
 *   seq(x) = S · #{k : area(x_k) ≠ area(x_k+1)}                                   context switches
 *          + Σ_{u→v prerequisite edge, u and v steps, u before v} min(C, G · max(0, pos(v) − pos(u) − 1 − w))   gaps
 *          + Σ_k J · max(0, difficulty(x_k+1) − difficulty(x_k) − a)               steep jumps
 * </pre>
 *
 * with S, w, G, C, a, J from {@link SequenceConfig}. Prerequisite edges are {@code requires} edges and anyOf
 * alternatives; mastered prerequisites are not steps and cost nothing here. This is the objective the orderer's
 * local search lowers and the figure the evaluation reports for every planner. O(m + edges into the steps).
 */
public final class SequenceCostModel {

    private SequenceCostModel() {
    }

    public static SequenceCost evaluate(PlannerGraph graph, int[] order, SequenceConfig config) {
        if (order.length == 0) return SequenceCost.ZERO;
        int[] pos = new int[graph.size()];
        Arrays.fill(pos, -1);
        for (int k = 0; k < order.length; k++) pos[order[k]] = k;
        return evaluate(graph, order, pos, config);
    }

    /** As {@link #evaluate(PlannerGraph, int[], SequenceConfig)} with the positions already known (-1 off the plan). */
    public static SequenceCost evaluate(PlannerGraph graph, int[] order, int[] pos, SequenceConfig config) {
        if (order.length == 0) return SequenceCost.ZERO;
        int switches = 0;
        double jump = 0;
        for (int k = 0; k + 1 < order.length; k++) {
            if (graph.area(order[k]) != graph.area(order[k + 1])) switches++;
            jump += config.jumpPenalty(graph.difficulty(order[k]), graph.difficulty(order[k + 1]));
        }
        double gap = 0;
        for (int k = 0; k < order.length; k++) {
            int v = order[k];
            for (int u : graph.requires(v)) gap += gap(pos[u], k, config);
            for (int g : graph.groupsOf(v)) {
                for (int u : graph.alternatives(g)) gap += gap(pos[u], k, config);
            }
        }
        return new SequenceCost(switches, switches * config.switchMinutes(), gap, jump);
    }

    private static double gap(int from, int to, SequenceConfig config) {
        return from >= 0 && from < to ? config.gapPenalty(to - from) : 0;
    }
}
