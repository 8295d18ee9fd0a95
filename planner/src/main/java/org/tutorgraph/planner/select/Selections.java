package org.tutorgraph.planner.select;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

import java.util.ArrayDeque;

/** Turning a feasible set of concepts into a minimal {@link Selection}. */
public final class Selections {

    private Selections() {
    }

    /**
     * Keeps only what the goals need from the feasible set {@code inSet}: walks back from the goals through
     * {@code requires} parents first, then resolves each anyOf group met on the way — by a mastered alternative if
     * there is one, else by an alternative already needed, else by the alternative of {@code inSet} whose
     * not-yet-needed prerequisite closure is cheapest ({@code preferred[g]} on ties). Every concept kept is needed by
     * some goal, so the result never costs more than {@code inSet}.
     *
     * <p>Precondition: {@code inSet} is feasible (closed under {@code requires} parents that are not mastered; every
     * group of a member has a mastered alternative or one in {@code inSet}). O(Σ over the kept concepts of their
     * edges, plus the closures explored to compare alternatives).
     *
     * @param preferred per group, an alternative to prefer on ties, or null
     */
    public static Selection needed(SelectionProblem problem, int[] goals, boolean[] inSet, int[] preferred) {
        return needed(problem, goals, inSet, preferred, -1, -1);
    }

    /**
     * As {@link #needed(SelectionProblem, int[], boolean[], int[])}, but group {@code forcedGroup} (when the goals
     * need it and no alternative is mastered) is satisfied by {@code forcedAlternative}, which must be in
     * {@code inSet}.
     */
    static Selection needed(SelectionProblem problem, int[] goals, boolean[] inSet, int[] preferred,
                            int forcedGroup, int forcedAlternative) {
        PlannerGraph graph = problem.graph();
        int n = graph.size();
        boolean[] needed = new boolean[n];
        int[] satisfier = new int[graph.groupCount()];
        java.util.Arrays.fill(satisfier, -1);
        IntList members = new IntList(64);
        IntList stack = new IntList(64);
        ArrayDeque<Integer> groups = new ArrayDeque<>();
        int[] stamp = new int[n];
        int stampValue = 0;
        for (int goal : goals) {
            if (!needed[goal] && !problem.mastered(goal)) {
                needed[goal] = true;
                members.add(goal);
                stack.add(goal);
            }
        }
        IntList scratch = new IntList(16);
        while (true) {
            while (!stack.isEmpty()) {
                int v = stack.pop();
                for (int p : graph.requires(v)) {
                    if (!needed[p] && !problem.mastered(p)) {
                        if (!inSet[p]) throw new IllegalStateException("infeasible set: " + graph.id(p) + " missing");
                        needed[p] = true;
                        members.add(p);
                        stack.add(p);
                    }
                }
                for (int g : graph.groupsOf(v)) groups.add(g);
            }
            if (groups.isEmpty()) break;
            int g = groups.poll();
            if (satisfier[g] >= 0) continue;
            int choice = -1;
            double bestPosterior = -1;
            for (int a : graph.alternatives(g)) {
                if (problem.mastered(a) && problem.posterior()[a] > bestPosterior) {
                    choice = a;
                    bestPosterior = problem.posterior()[a];
                }
            }
            if (choice < 0 && g == forcedGroup) {
                choice = forcedAlternative;
                if (!needed[choice]) {
                    needed[choice] = true;
                    members.add(choice);
                    stack.add(choice);
                }
            }
            if (choice < 0) {
                for (int a : graph.alternatives(g)) {
                    if (needed[a]) {
                        choice = a;
                        break;
                    }
                }
            }
            if (choice < 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int a : graph.alternatives(g)) {
                    if (!inSet[a]) continue;
                    stampValue++;
                    double c = closureCost(problem, a, needed, stamp, stampValue, scratch);
                    boolean better = c < best - 1e-9
                            || (Math.abs(c - best) <= 1e-9 && preferred != null && preferred[g] == a);
                    if (better) {
                        best = c;
                        choice = a;
                    }
                }
                if (choice < 0) throw new IllegalStateException("infeasible set: group " + graph.groupId(g) + " unsatisfied");
                needed[choice] = true;
                members.add(choice);
                stack.add(choice);
            }
            satisfier[g] = choice;
        }
        int[] m = members.toArray();
        double cost = 0;
        for (int v : m) cost += problem.cost(v);
        return new Selection(m, satisfier, cost, goals.clone());
    }

    /** Cost of {@code a} and its unmastered {@code requires} ancestors that are not already needed. */
    static double closureCost(SelectionProblem problem, int a, boolean[] needed, int[] stamp, int stampValue, IntList stack) {
        PlannerGraph graph = problem.graph();
        stack.clear();
        stack.add(a);
        stamp[a] = stampValue;
        double cost = 0;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            cost += problem.cost(u);
            for (int p : graph.requires(u)) {
                if (stamp[p] != stampValue && !needed[p] && !problem.mastered(p)) {
                    stamp[p] = stampValue;
                    stack.add(p);
                }
            }
        }
        return cost;
    }
}
