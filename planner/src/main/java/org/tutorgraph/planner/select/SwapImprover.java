package org.tutorgraph.planner.select;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

/**
 * Local search after the greedy: for an anyOf group the selection satisfies with alternative s, try another
 * alternative b instead — add b's closure, force the group onto b, keep only what the goals then need
 * ({@link Selections#needed}) — and keep the change if the total cost drops. Repeats until no swap helps.
 *
 * <p>It repairs what the greedy's one-step view misses: an early cheap choice whose closure later turns out to be
 * shared, or a nested group it under-estimated. A swap is screened first in time proportional to what it touches:
 * use counts (how many plan edges lean on each member) tell what dropping s releases — s and, in cascade, the
 * members only it needed — and b's closure over what stays is priced; only a swap whose release exceeds b's price
 * is tried for real, costing O(|X| + |closure(b)|) plus an O(V) array. The search stops once the trials' work
 * exceeds a budget ({@value #WORK_BUDGET} units of |X| + V/16); it only ever lowers the cost, so the greedy's guarantee survives it.
 */
final class SwapImprover {

    /** Trials stop once Σ (|X| + V/16) over them exceeds this (about a few milliseconds of work). */
    static final long WORK_BUDGET = 2_000_000;
    private static final int MAX_ROUNDS = 10;
    /** Concepts the last {@link #marginalCost} call explored (a work count; single-threaded use only per call). */
    private final int[] explored = new int[1];
    private static final double EPS = 1e-9;

    private SwapImprover() {
    }

    static Selection improve(SelectionProblem problem, int[] goals, Selection start) {
        return new SwapImprover().run(problem, goals, start);
    }

    private Selection run(SelectionProblem problem, int[] goals, Selection start) {
        PlannerGraph graph = problem.graph();
        Selection best = start;
        long work = 0;
        int n = graph.size();
        int[] stamp = new int[n];
        int mark = 0;
        int[] users = new int[n];
        boolean[] in = new boolean[n];
        boolean[] goal = new boolean[n];
        for (int g : goals) goal[g] = true;
        IntList stack = new IntList(16);
        IntList touched = new IntList(16);
        explored[0] = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean improved = false;
            int[] members = best.members();
            int[] satisfier = best.satisfier();
            java.util.Arrays.fill(in, false);
            for (int v : members) in[v] = true;
            countUsers(graph, members, in, satisfier, users);
            work += members.length;
            search:
            for (int v : members) {
                for (int g : graph.groupsOf(v)) {
                    int s = satisfier[g];
                    if (s < 0 || problem.mastered(s)) continue;
                    for (int b : graph.alternatives(g)) {
                        if (b == s || problem.mastered(b) || !problem.available(b)) continue;
                        // what dropping the edge s -> v frees, and what b costs on top of what stays
                        double saving = release(graph, problem, s, in, goal, satisfier, users, stamp, ++mark, stack, touched);
                        double extra = marginalCost(problem, b, in, stamp, mark, saving, stack);
                        for (int i = 0; i < touched.size(); i++) users[touched.get(i)]++;
                        work += touched.size() + explored[0];
                        if (work > WORK_BUDGET) return best;
                        if (extra >= saving - EPS) continue;
                        work += members.length + n / 16 + 1;
                        if (work > WORK_BUDGET) return best;
                        Selection trial = trial(problem, goals, best, g, b);
                        if (trial.cost() < best.cost() - EPS) {
                            best = trial;
                            improved = true;
                            break search;
                        }
                    }
                }
            }
            if (!improved) break;
        }
        return best;
    }

    /**
     * users[v] = how many plan edges lean on member v: {@code requires} children in the set, groups of members it
     * satisfies. O(|X| · degree).
     */
    private static void countUsers(PlannerGraph graph, int[] members, boolean[] in, int[] satisfier, int[] users) {
        for (int v : members) users[v] = 0;
        for (int v : members) {
            for (int p : graph.requires(v)) if (in[p]) users[p]++;
            for (int g : graph.groupsOf(v)) {
                int a = satisfier[g];
                if (a >= 0 && in[a]) users[a]++;
            }
        }
    }

    /**
     * Removes one use of {@code s} and cascades: members left without users (and not goals) are released, stamped
     * with {@code mark}. Returns their cost; {@code touched} lists every decrement so the caller can undo it.
     */
    private static double release(PlannerGraph graph, SelectionProblem problem, int s, boolean[] in, boolean[] goal,
                                  int[] satisfier, int[] users, int[] stamp, int mark, IntList stack, IntList touched) {
        stack.clear();
        touched.clear();
        double saving = 0;
        users[s]--;
        touched.add(s);
        if (users[s] > 0 || goal[s]) return 0;
        stack.add(s);
        stamp[s] = mark;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            saving += problem.cost(u);
            for (int p : graph.requires(u)) if (in[p]) drop(p, users, goal, stamp, mark, stack, touched);
            for (int g : graph.groupsOf(u)) {
                int a = satisfier[g];
                if (a >= 0 && in[a]) drop(a, users, goal, stamp, mark, stack, touched);
            }
        }
        return saving;
    }

    private static void drop(int p, int[] users, boolean[] goal, int[] stamp, int mark, IntList stack, IntList touched) {
        users[p]--;
        touched.add(p);
        if (users[p] == 0 && !goal[p] && stamp[p] != mark) {
            stamp[p] = mark;
            stack.add(p);
        }
    }

    /**
     * Cost of {@code b}'s closure over concepts not in the set or released (stamped {@code released}), explored only
     * until it reaches {@code limit}. Uses stamp {@code -released} for its own visits.
     */
    private double marginalCost(SelectionProblem problem, int b, boolean[] in, int[] stamp, int released,
                                       double limit, IntList stack) {
        PlannerGraph graph = problem.graph();
        int visit = -released;
        stack.clear();
        if (in[b] && stamp[b] != released) return 0;
        stack.add(b);
        stamp[b] = visit;
        double cost = 0;
        explored[0] = 0;
        while (!stack.isEmpty() && cost < limit) {
            int u = stack.pop();
            explored[0]++;
            cost += problem.cost(u);
            for (int p : graph.requires(u)) {
                boolean outside = !problem.mastered(p) && (!in[p] || stamp[p] == released);
                if (outside && stamp[p] != visit) {
                    stamp[p] = visit;
                    stack.add(p);
                }
            }
        }
        return cost;
    }

    private static Selection trial(SelectionProblem problem, int[] goals, Selection current, int group, int alternative) {
        PlannerGraph graph = problem.graph();
        boolean[] in = new boolean[graph.size()];
        for (int v : current.members()) in[v] = true;
        IntList stack = new IntList(16);
        IntList added = new IntList(16);
        stack.add(alternative);
        while (!stack.isEmpty()) {
            int u = stack.pop();
            if (in[u] || problem.mastered(u)) continue;
            in[u] = true;
            added.add(u);
            for (int p : graph.requires(u)) if (!in[p] && !problem.mastered(p)) stack.add(p);
        }
        // the added closure may bring concepts whose own groups are unsatisfied: settle them greedily
        int[] satisfier = current.satisfier().clone();
        int[] recheck = openGroups(problem, in, added, satisfier);
        if (recheck.length > 0) GreedySelector.extend(problem, in, satisfier, new int[0], recheck);
        return Selections.needed(problem, goals, in, current.satisfier(), group, alternative);
    }

    /** Groups of the {@code added} concepts that no mastered concept or member of {@code in} satisfies. */
    private static int[] openGroups(SelectionProblem problem, boolean[] in, IntList added, int[] satisfier) {
        PlannerGraph graph = problem.graph();
        IntList open = new IntList(4);
        for (int i = 0; i < added.size(); i++) {
            int v = added.get(i);
            for (int g : graph.groupsOf(v)) {
                boolean ok = false;
                for (int a : graph.alternatives(g)) {
                    if (in[a] || problem.mastered(a)) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) {
                    satisfier[g] = -1;
                    open.add(g);
                }
            }
        }
        return open.toArray();
    }
}
