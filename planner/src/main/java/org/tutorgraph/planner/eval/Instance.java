package org.tutorgraph.planner.eval;

/**
 * One evaluation instance: a simulated learner and their goals.
 *
 * @param posterior P(mastered) per concept, indexed like the graph
 * @param goals     1–5 unmastered goals (indices)
 */
public record Instance(double[] posterior, int[] goals) {
}
