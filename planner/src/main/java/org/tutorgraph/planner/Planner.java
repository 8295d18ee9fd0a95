package org.tutorgraph.planner;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.pack.Suggestions;
import org.tutorgraph.planner.explain.PlanBuilder;
import org.tutorgraph.planner.order.Sequencer;
import org.tutorgraph.planner.select.GreedySelector;
import org.tutorgraph.planner.select.Reachability;
import org.tutorgraph.planner.select.Selection;
import org.tutorgraph.planner.select.SelectionProblem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The multi-source multi-sink learning-path planner: from what a learner masters (the sources) to their goals (the
 * sinks).
 *
 * <ol>
 *   <li>Goals are split into mastered, unreachable (unknown, or blocked by concepts that cannot be taught) and
 *   planned.</li>
 *   <li>{@link GreedySelector} chooses what to learn: the exact prerequisite closure when only {@code requires}
 *   edges are involved, greedy weighted set cover for anyOf groups (cost ≤ (1 + ln |W|) × optimum where the
 *   reduction to set cover holds; see there).</li>
 *   <li>{@link Sequencer} orders it: prerequisites first, goals as early as their prerequisites allow, local search
 *   on the sequence cost.</li>
 *   <li>{@link PlanBuilder} explains every step with the goals that need it and the real edges behind it.</li>
 * </ol>
 *
 * <p>Make one {@code Planner} per course ({@link #forCourse}: compiles the graph to arrays in O(V + E)) and call
 * {@link #plan} for each learner; planners are immutable and thread-safe. A plan touches only the goals'
 * ancestors, plus O(V) array set-up.
 */
public final class Planner {

    private final PlannerGraph graph;

    private Planner(PlannerGraph graph) {
        this.graph = graph;
    }

    public static Planner forCourse(CourseGraph course) {
        return new Planner(PlannerGraph.of(course));
    }

    public static Planner of(PlannerGraph graph) {
        return new Planner(graph);
    }

    /** One-off convenience: compiles {@code course} and plans once. */
    public static Plan plan(CourseGraph course, Map<String, Double> mastery, List<String> goals, PlanConfig config) {
        return forCourse(course).plan(mastery, goals, config);
    }

    public PlannerGraph graph() {
        return graph;
    }

    /**
     * Plans for a learner whose posteriors are {@code mastery} (concept id → P(mastered); absent concepts count as
     * 0, never seen).
     *
     * @throws IllegalArgumentException when {@code mastery} names an unknown concept or a posterior outside [0, 1]
     */
    public Plan plan(Map<String, Double> mastery, List<String> goals, PlanConfig config) {
        return plan(posteriors(mastery), goals, config);
    }

    /** Plans for posteriors given as an array indexed like the course ({@link CourseGraph#indexOf}). */
    public Plan plan(double[] posterior, List<String> goals, PlanConfig config) {
        return solve(posterior, goals, config).plan();
    }

    /** Starts an incremental planner for one learner: it re-plans only what a mastery change affects. */
    public IncrementalPlanner incremental(Map<String, Double> mastery, List<String> goals, PlanConfig config) {
        return new IncrementalPlanner(this, posteriors(mastery), goals, config);
    }

    /** Starts an incremental planner from posteriors indexed like the course (the array is copied). */
    public IncrementalPlanner incremental(double[] posterior, List<String> goals, PlanConfig config) {
        return new IncrementalPlanner(this, posterior.clone(), goals, config);
    }

    /** Converts a mastery map to a posterior array indexed like the course. */
    public double[] posteriors(Map<String, Double> mastery) {
        double[] p = new double[graph.size()];
        for (Map.Entry<String, Double> e : mastery.entrySet()) {
            int v = graph.indexOf(e.getKey());
            if (v < 0) throw new IllegalArgumentException("unknown concept in mastery: " + e.getKey());
            double value = e.getValue();
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("posterior of " + e.getKey() + " must be in [0, 1], got " + value);
            }
            p[v] = value;
        }
        return p;
    }

    /** The goals of a request, sorted into planned, mastered and unreachable. */
    record Goals(List<String> asked, int[] planned, List<String> mastered, List<UnreachableGoal> unreachable) {
    }

    /** A plan with the internals it was made from (for incremental re-planning and evaluation). */
    public record Solved(SelectionProblem problem, Selection selection, int[] order, Plan plan) {
    }

    /** Plans and keeps the internals. */
    public Solved solve(double[] posterior, List<String> goals, PlanConfig config) {
        SelectionProblem problem = problem(posterior, config);
        Goals split = splitGoals(problem, goals);
        Selection selection = GreedySelector.select(problem, split.planned());
        int[] order = Sequencer.order(problem, selection, split.planned(), config.sequence(), config.order());
        Plan plan = PlanBuilder.build(problem, order, selection.satisfier(), split.asked(), split.planned(),
                split.mastered(), split.unreachable(), config.sequence());
        return new Solved(problem, selection, order, plan);
    }

    SelectionProblem problem(double[] posterior, PlanConfig config) {
        boolean[] excluded = null;
        if (!config.unavailable().isEmpty()) {
            excluded = new boolean[graph.size()];
            for (String id : config.unavailable()) {
                int v = graph.indexOf(id);
                if (v < 0) throw new IllegalArgumentException("unknown concept marked unavailable: " + id);
                excluded[v] = true;
            }
        }
        return new SelectionProblem(graph, posterior, config.threshold(), config.cost(), excluded);
    }

    Goals splitGoals(SelectionProblem problem, List<String> goals) {
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(goals));
        List<Integer> planned = new ArrayList<>();
        List<String> mastered = new ArrayList<>();
        List<UnreachableGoal> unreachable = new ArrayList<>();
        for (String id : asked) {
            int v = graph.indexOf(id);
            if (v < 0) {
                unreachable.add(new UnreachableGoal(id, "unknown concept" + suggestion(id)));
            } else if (problem.mastered(v)) {
                mastered.add(id);
            } else if (!problem.available(v)) {
                unreachable.add(new UnreachableGoal(id, Reachability.whyUnreachable(problem, v)));
            } else {
                planned.add(v);
            }
        }
        return new Goals(asked, planned.stream().mapToInt(Integer::intValue).toArray(), mastered, unreachable);
    }

    /** " (did you mean 'x'?)" for the closest concept id, when it is a plausible typo ({@link Suggestions}). */
    private String suggestion(String id) {
        if (graph.size() > 50_000 || id.length() > 200) return "";
        List<String> ids = new java.util.AbstractList<>() {
            @Override
            public String get(int v) {
                return graph.id(v);
            }

            @Override
            public int size() {
                return graph.size();
            }
        };
        return Suggestions.closest(id, ids).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
