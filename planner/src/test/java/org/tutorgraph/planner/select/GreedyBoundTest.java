package org.tutorgraph.planner.select;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.eval.Instance;
import org.tutorgraph.planner.eval.LearnerSimulator;
import org.tutorgraph.planner.eval.SyntheticGraphs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tutorgraph.planner.TestGraphs.concept;

/** Greedy set cover against the exact optimum, and the exact solver against brute force. */
class GreedyBoundTest {

    private static final double EPS = 1e-9;

    /**
     * Pure weighted set cover encoded as a course: goals g_i (cost 1 each) each need one anyOf group over a random
     * subset of alternatives a_j with random costs and no prerequisites, so the reduction to set cover is exact.
     */
    @Test
    void greedyStaysWithinTheHarmonicBoundOnSetCoverInstances() {
        Random rng = new Random(42);
        int checked = 0;
        for (int round = 0; round < 200; round++) {
            int goals = 2 + rng.nextInt(6);
            int alternatives = 3 + rng.nextInt(6);
            CourseGraph.Builder b = CourseGraph.builder();
            for (int j = 0; j < alternatives; j++) b.concept(concept("a" + j, 1 + rng.nextInt(40)));
            int[] membership = new int[alternatives];
            for (int i = 0; i < goals; i++) {
                b.concept(concept("g" + i, 1));
                List<String> alts = new ArrayList<>();
                for (int j = 0; j < alternatives; j++) {
                    if (rng.nextDouble() < 0.4) {
                        alts.add("a" + j);
                        membership[j]++;
                    }
                }
                while (alts.size() < 2) {
                    int j = rng.nextInt(alternatives);
                    if (!alts.contains("a" + j)) {
                        alts.add("a" + j);
                        membership[j]++;
                    }
                }
                b.anyOf("g" + i, alts);
            }
            PlannerGraph graph = PlannerGraph.of(b.build());
            SelectionProblem problem = new SelectionProblem(graph, new double[graph.size()], 0.95, PlanConfig.DEFAULT.cost(), null);
            int[] goalIdx = new int[goals];
            for (int i = 0; i < goals; i++) goalIdx[i] = graph.indexOf("g" + i);

            double forced = goals;
            double opt = ExactSelector.solve(problem, goalIdx, 1_000_000).optimum().orElseThrow().cost() - forced;
            double greedy = GreedySelector.selectUnpruned(problem, goalIdx).cost() - forced;
            double pruned = GreedySelector.select(problem, goalIdx).cost() - forced;
            int d = 0;
            for (int m : membership) d = Math.max(d, m);
            double harmonic = 0;
            for (int k = 1; k <= d; k++) harmonic += 1.0 / k;

            assertThat(greedy).isLessThanOrEqualTo(harmonic * opt + EPS);
            assertThat(greedy).isLessThanOrEqualTo((1 + Math.log(goals)) * opt + EPS);
            assertThat(pruned).isLessThanOrEqualTo(greedy + EPS).isGreaterThanOrEqualTo(opt - EPS);
            checked++;
        }
        assertThat(checked).isEqualTo(200);
    }

    @Test
    void exactSolverMatchesBruteForceOnRandomSmallCourses() {
        int compared = 0;
        for (long seed = 1; seed <= 120; seed++) {
            CourseGraph course = SyntheticGraphs.generate(
                    new SyntheticGraphs.Spec(12, 4, 2, 3, 0.5, 0.5, 0.3), seed);
            PlannerGraph graph = PlannerGraph.of(course);
            Instance instance = new LearnerSimulator(graph, 0.95, seed).next();
            if (instance == null) continue;
            SelectionProblem problem = new SelectionProblem(graph, instance.posterior(), 0.95, PlanConfig.DEFAULT.cost(), null);
            Selection exact = ExactSelector.solve(problem, instance.goals(), 1_000_000).optimum().orElseThrow();
            double brute = bruteForce(problem, instance.goals());
            assertThat(exact.cost()).isCloseTo(brute, within(1e-6));
            Selection greedy = GreedySelector.select(problem, instance.goals());
            assertThat(greedy.cost()).isGreaterThanOrEqualTo(brute - 1e-6);
            assertThat(feasible(problem, instance.goals(), membersOf(graph, greedy))).isTrue();
            assertThat(feasible(problem, instance.goals(), membersOf(graph, exact))).isTrue();
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void exactSolverGivesUpBeyondItsNodeLimitInsteadOfGuessing() {
        CourseGraph course = SyntheticGraphs.generate(new SyntheticGraphs.Spec(300, 10, 3, 3, 0.5, 0.9, 0.0), 7);
        PlannerGraph graph = PlannerGraph.of(course);
        double[] none = new double[graph.size()];
        SelectionProblem problem = new SelectionProblem(graph, none, 0.95, PlanConfig.DEFAULT.cost(), null);
        int[] goals = {graph.size() - 1, graph.size() - 2, graph.size() - 3};
        ExactSelector.Result result = ExactSelector.solve(problem, goals, 3);
        assertThat(result.optimum()).isEmpty();
        assertThat(result.nodes()).isGreaterThan(3);
    }

    private static boolean[] membersOf(PlannerGraph graph, Selection s) {
        boolean[] in = new boolean[graph.size()];
        for (int v : s.members()) in[v] = true;
        return in;
    }

    private static double bruteForce(SelectionProblem problem, int[] goals) {
        PlannerGraph graph = problem.graph();
        List<Integer> weak = new ArrayList<>();
        for (int v = 0; v < graph.size(); v++) if (!problem.mastered(v)) weak.add(v);
        double best = Double.POSITIVE_INFINITY;
        for (long mask = 0; mask < (1L << weak.size()); mask++) {
            boolean[] in = new boolean[graph.size()];
            double cost = 0;
            for (int i = 0; i < weak.size(); i++) {
                if ((mask >> i & 1) != 0) {
                    in[weak.get(i)] = true;
                    cost += problem.cost(weak.get(i));
                }
            }
            if (cost < best && feasible(problem, goals, in)) best = cost;
        }
        return best;
    }

    /** The definition of a valid selection, written out independently of the planner. */
    static boolean feasible(SelectionProblem problem, int[] goals, boolean[] in) {
        PlannerGraph graph = problem.graph();
        for (int goal : goals) if (!in[goal] && !problem.mastered(goal)) return false;
        for (int v = 0; v < graph.size(); v++) {
            if (!in[v]) continue;
            for (int u : graph.requires(v)) if (!in[u] && !problem.mastered(u)) return false;
            for (int g : graph.groupsOf(v)) {
                boolean ok = false;
                for (int a : graph.alternatives(g)) ok |= in[a] || problem.mastered(a);
                if (!ok) return false;
            }
        }
        return true;
    }
}
