package org.tutorgraph.planner.select;

import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.cost.ConceptCost;
import org.tutorgraph.planner.cost.CostConfig;

import java.util.Arrays;

/**
 * One learner's planning problem on a compiled course: posteriors, the mastery threshold, the cost model and the
 * concepts that cannot be taught now. Concept costs and availability are computed lazily and memoised, so a plan
 * touches only the part of the graph above its goals.
 *
 * <p>Not thread-safe: one instance per plan.
 */
public final class SelectionProblem {

    private static final byte UNKNOWN = 0;
    private static final byte VISITING = 1;
    private static final byte AVAILABLE = 2;
    private static final byte UNAVAILABLE = 3;

    private final PlannerGraph graph;
    private final double[] posterior;
    private final double threshold;
    private final CostConfig costConfig;
    private final boolean[] excluded;
    private final double[] cost;
    private byte[] availability;

    /**
     * @param posterior P(mastered) per concept, indexed like {@code graph}
     * @param threshold a concept with posterior ≥ threshold is mastered (a source)
     * @param excluded  concepts that cannot be taught now (indexed like {@code graph}); null when none
     */
    public SelectionProblem(PlannerGraph graph, double[] posterior, double threshold, CostConfig costConfig, boolean[] excluded) {
        if (posterior.length != graph.size()) {
            throw new IllegalArgumentException("posterior has " + posterior.length + " entries for " + graph.size() + " concepts");
        }
        this.graph = graph;
        this.posterior = posterior;
        this.threshold = threshold;
        this.costConfig = costConfig;
        this.excluded = excluded;
        this.cost = new double[graph.size()];
        Arrays.fill(cost, Double.NaN);
    }

    public PlannerGraph graph() {
        return graph;
    }

    public double[] posterior() {
        return posterior;
    }

    public double threshold() {
        return threshold;
    }

    public CostConfig costConfig() {
        return costConfig;
    }

    public boolean mastered(int v) {
        return posterior[v] >= threshold;
    }

    /** The cost of learning {@code v} now ({@link ConceptCost}); 0 for a mastered concept. */
    public double cost(int v) {
        double c = cost[v];
        if (Double.isNaN(c)) {
            c = mastered(v) ? 0 : ConceptCost.of(graph, v, posterior, costConfig);
            cost[v] = c;
        }
        return c;
    }

    /** Forgets the memoised cost of {@code v} (after its own or a supporter's posterior changed). */
    public void invalidateCost(int v) {
        cost[v] = Double.NaN;
    }

    public boolean isExcluded(int v) {
        return excluded != null && excluded[v];
    }

    public boolean hasExclusions() {
        return excluded != null;
    }

    /**
     * Whether {@code v} can be mastered: it is mastered already, or it is not excluded, its {@code requires} parents
     * can be mastered and each of its anyOf groups has an alternative that can. Memoised; iterative, so deep graphs
     * do not overflow the stack. O(ancestors of v) the first time.
     */
    public boolean available(int v) {
        if (excluded == null) return true;
        if (availability == null) availability = new byte[graph.size()];
        if (availability[v] >= AVAILABLE) return availability[v] == AVAILABLE;
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = v;
        while (top > 0) {
            int u = stack[top - 1];
            if (availability[u] >= AVAILABLE) {
                top--;
                continue;
            }
            if (mastered(u)) {
                availability[u] = AVAILABLE;
                top--;
                continue;
            }
            if (excluded[u]) {
                availability[u] = UNAVAILABLE;
                top--;
                continue;
            }
            availability[u] = VISITING;
            boolean pushed = false;
            for (int p : graph.requires(u)) {
                if (availability[p] == UNKNOWN) {
                    if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
                    stack[top++] = p;
                    pushed = true;
                }
            }
            for (int g : graph.groupsOf(u)) {
                for (int a : graph.alternatives(g)) {
                    if (availability[a] == UNKNOWN) {
                        if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
                        stack[top++] = a;
                        pushed = true;
                    }
                }
            }
            if (pushed) continue;
            availability[u] = resolve(u) ? AVAILABLE : UNAVAILABLE;
            top--;
        }
        return availability[v] == AVAILABLE;
    }

    /** All parents of {@code u} are resolved (the graph is acyclic, so none is still being visited). */
    private boolean resolve(int u) {
        for (int p : graph.requires(u)) if (availability[p] != AVAILABLE) return false;
        for (int g : graph.groupsOf(u)) {
            boolean any = false;
            for (int a : graph.alternatives(g)) {
                if (availability[a] == AVAILABLE) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }
}
