package org.tutorgraph.planner.eval;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

import java.util.Random;

/**
 * Seeded simulated learners whose knowledge is consistent with the graph (a knowledge state in the sense of
 * knowledge space theory: closed under prerequisites), with goals.
 *
 * <p>Per instance: a readiness q ~ U(0.55, 0.95); walking the course in topological order, a concept whose
 * {@code requires} parents are all mastered and whose anyOf groups each have a mastered alternative is mastered with
 * probability q. Posteriors: mastered concepts U(θ, 1); the others U(0.3, θ) (partly known, costs a review) with
 * probability 0.3, else U(0, 0.3). Goals: 1–5 distinct unmastered concepts drawn uniformly. O(V + E) per instance.
 */
public final class LearnerSimulator {

    private final PlannerGraph graph;
    private final double threshold;
    private final Random rng;

    public LearnerSimulator(PlannerGraph graph, double threshold, long seed) {
        this.graph = graph;
        this.threshold = threshold;
        this.rng = new Random(seed);
    }

    /** The next instance, or null when every concept came out mastered (a tiny graph). */
    public Instance next() {
        int n = graph.size();
        boolean[] mastered = new boolean[n];
        double q = 0.55 + 0.4 * rng.nextDouble();
        for (int v : graph.topologicalOrder()) {
            boolean ready = true;
            for (int u : graph.requires(v)) ready &= mastered[u];
            for (int g : graph.groupsOf(v)) {
                boolean any = false;
                for (int a : graph.alternatives(g)) any |= mastered[a];
                ready &= any;
            }
            mastered[v] = ready && rng.nextDouble() < q;
        }
        double[] posterior = new double[n];
        IntList weak = new IntList(n / 2 + 1);
        for (int v = 0; v < n; v++) {
            if (mastered[v]) {
                posterior[v] = threshold + (1 - threshold) * rng.nextDouble();
            } else {
                posterior[v] = rng.nextDouble() < 0.3 ? 0.3 + (threshold - 0.3) * rng.nextDouble() : 0.3 * rng.nextDouble();
                posterior[v] = Math.min(posterior[v], Math.nextDown(threshold));
                weak.add(v);
            }
        }
        if (weak.isEmpty()) return null;
        int k = Math.min(weak.size(), 1 + rng.nextInt(5));
        int[] goals = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(weak.size() - i);
            int t = weak.get(i);
            weak.set(i, weak.get(j));
            weak.set(j, t);
            goals[i] = weak.get(i);
        }
        return new Instance(posterior, goals);
    }
}
