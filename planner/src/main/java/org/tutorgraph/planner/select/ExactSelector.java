package org.tutorgraph.planner.select;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest selection, by branch and bound — for small instances, to measure how far {@link GreedySelector} is
 * from optimal.
 *
 * <p>Every feasible selection contains the forced closure of the goals. A node is a feasible-so-far set X (closed
 * under {@code requires}); if no anyOf group of X is open, X is a solution. Otherwise branch on one open group g —
 * the one with the fewest available alternatives — trying each alternative a (cheapest marginal closure first):
 * every solution above X contains some alternative of g together with its closure, so the branches cover all
 * solutions. The incumbent starts at the greedy cost.
 *
 * <p>Lower bound at a node: for each open group g, let m_g be its cheapest marginal closure and U_g the union of
 * all its alternatives' marginal closures. Any completion pays at least m_g for g inside U_g; for groups whose U_g
 * are pairwise disjoint these payments are for different concepts, so Σ m_g over such a packing (chosen greedily
 * by decreasing m_g) is a valid bound. The bound is exact when the open groups do not interact, which makes most
 * instances trivial.
 *
 * <p>Worst case exponential (the problem is NP-hard); {@code nodeLimit} caps the search and an unfinished search
 * returns empty rather than a possibly suboptimal answer.
 */
public final class ExactSelector {

    private static final double EPS = 1e-9;

    private final SelectionProblem problem;
    private final PlannerGraph graph;
    private final boolean[] inX;
    private final IntList members = new IntList(64);
    private final long nodeLimit;
    private long nodes;
    private boolean aborted;
    private double best;
    private boolean[] bestSet;
    private final int[] stamp;
    private int stampValue;
    private final int[] groupStamp;
    private int groupStampValue;
    private final int[] owner;

    private ExactSelector(SelectionProblem problem, long nodeLimit) {
        this.problem = problem;
        this.graph = problem.graph();
        this.inX = new boolean[graph.size()];
        this.nodeLimit = nodeLimit;
        this.stamp = new int[graph.size()];
        this.groupStamp = new int[graph.groupCount()];
        this.owner = new int[graph.size()];
    }

    /** The outcome of an exact search: the optimum (when proven) and how many nodes it took. */
    public record Result(Optional<Selection> optimum, long nodes) {
    }

    /**
     * The minimum-cost selection reaching {@code goals} (reachable, unmastered), or empty when the search needed more
     * than {@code nodeLimit} nodes.
     */
    public static Result solve(SelectionProblem problem, int[] goals, long nodeLimit) {
        Selection greedy = GreedySelector.select(problem, goals);
        ExactSelector run = new ExactSelector(problem, nodeLimit);
        run.best = greedy.cost();
        run.bestSet = new boolean[problem.graph().size()];
        for (int v : greedy.members()) run.bestSet[v] = true;
        double cost = 0;
        for (int goal : goals) cost += run.add(goal);
        run.search(cost);
        if (run.aborted) return new Result(Optional.empty(), run.nodes);
        return new Result(Optional.of(Selections.needed(problem, goals, run.bestSet, null)), run.nodes);
    }

    /** Adds {@code v} and its unmastered requires-ancestors not yet in X; returns the added cost. */
    private double add(int v) {
        double cost = 0;
        IntList stack = new IntList(16);
        stack.add(v);
        while (!stack.isEmpty()) {
            int u = stack.pop();
            if (inX[u] || problem.mastered(u)) continue;
            inX[u] = true;
            members.add(u);
            cost += problem.cost(u);
            for (int p : graph.requires(u)) if (!inX[p] && !problem.mastered(p)) stack.add(p);
        }
        return cost;
    }

    private void undoTo(int size) {
        while (members.size() > size) inX[members.pop()] = false;
    }

    private record Alternative(int concept, double cost, int[] closure) {
    }

    private record OpenGroup(int group, List<Alternative> alternatives, double min) {
    }

    private void search(double cost) {
        if (aborted) return;
        if (++nodes > nodeLimit) {
            aborted = true;
            return;
        }
        List<OpenGroup> open = openGroups();
        if (open.isEmpty()) {
            if (cost < best - EPS) {
                best = cost;
                Arrays.fill(bestSet, false);
                for (int i = 0; i < members.size(); i++) bestSet[members.get(i)] = true;
            }
            return;
        }
        if (cost + lowerBound(open) >= best - EPS) return;
        OpenGroup branch = open.get(0);
        for (OpenGroup g : open) {
            int size = g.alternatives.size();
            int bestSize = branch.alternatives.size();
            if (size < bestSize || (size == bestSize && g.min > branch.min)) branch = g;
        }
        List<Alternative> alternatives = new ArrayList<>(branch.alternatives);
        alternatives.sort(Comparator.comparingDouble(Alternative::cost));
        for (Alternative a : alternatives) {
            if (cost + a.cost >= best - EPS) break;
            int mark = members.size();
            double added = add(a.concept);
            search(cost + added);
            undoTo(mark);
            if (aborted) return;
        }
    }

    /** The open groups of X, each with its available alternatives' marginal closures. */
    private List<OpenGroup> openGroups() {
        List<OpenGroup> open = new ArrayList<>();
        groupStampValue++;
        for (int i = 0; i < members.size(); i++) {
            for (int g : graph.groupsOf(members.get(i))) {
                if (groupStamp[g] == groupStampValue) continue;
                groupStamp[g] = groupStampValue;
                boolean satisfied = false;
                for (int a : graph.alternatives(g)) {
                    if (inX[a] || problem.mastered(a)) {
                        satisfied = true;
                        break;
                    }
                }
                if (satisfied) continue;
                List<Alternative> alts = new ArrayList<>();
                double min = Double.POSITIVE_INFINITY;
                for (int a : graph.alternatives(g)) {
                    if (!problem.available(a)) continue;
                    Alternative alt = closure(a);
                    alts.add(alt);
                    min = Math.min(min, alt.cost);
                }
                if (alts.isEmpty()) throw new IllegalStateException("group " + graph.groupId(g) + " has no available alternative");
                open.add(new OpenGroup(g, alts, min));
            }
        }
        return open;
    }

    private Alternative closure(int a) {
        stampValue++;
        IntList stack = new IntList(8);
        IntList closure = new IntList(8);
        stack.add(a);
        stamp[a] = stampValue;
        double cost = 0;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            closure.add(u);
            cost += problem.cost(u);
            for (int p : graph.requires(u)) {
                if (stamp[p] != stampValue && !inX[p] && !problem.mastered(p)) {
                    stamp[p] = stampValue;
                    stack.add(p);
                }
            }
        }
        return new Alternative(a, cost, closure.toArray());
    }

    /** Σ m_g over a greedy packing of open groups whose alternative-closure unions are pairwise disjoint. */
    private double lowerBound(List<OpenGroup> open) {
        List<OpenGroup> byMin = new ArrayList<>(open);
        byMin.sort(Comparator.comparingDouble((OpenGroup g) -> g.min).reversed());
        stampValue++;
        int used = stampValue;
        double bound = 0;
        for (OpenGroup g : byMin) {
            boolean disjoint = true;
            for (Alternative a : g.alternatives) {
                for (int u : a.closure) {
                    if (stamp[u] == used && owner[u] != g.group) {
                        disjoint = false;
                        break;
                    }
                }
                if (!disjoint) break;
            }
            if (!disjoint) continue;
            for (Alternative a : g.alternatives) {
                for (int u : a.closure) {
                    stamp[u] = used;
                    owner[u] = g.group;
                }
            }
            bound += g.min;
        }
        return bound;
    }
}
