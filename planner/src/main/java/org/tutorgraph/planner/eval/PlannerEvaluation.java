package org.tutorgraph.planner.eval;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.IncrementalPlanner;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.Planner;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.Source;
import org.tutorgraph.planner.cost.SequenceCostModel;
import org.tutorgraph.planner.order.Sequencer;
import org.tutorgraph.planner.select.ExactSelector;
import org.tutorgraph.planner.select.Selection;
import org.tutorgraph.planner.select.SelectionProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Compares planners on the same seeded instances ({@link LearnerSimulator}): ours, the union of per-goal shortest
 * paths, our selection in plain topological order, the full closure, and the exact optimum where branch and bound
 * finishes within its node limit. Per planner: prerequisite violations, coverage of the weak concepts the goals
 * need ({@link PlanChecker}), learning cost and its ratio to the exact optimum, sequence cost
 * ({@link SequenceCostModel}), and wall-clock plan time (after a warm-up). Optionally measures incremental
 * re-planning against planning from scratch on simulated mastery changes.
 */
public final class PlannerEvaluation {

    /**
     * @param instances          number of instances
     * @param seed               seed of the learner simulator (and of the incremental updates)
     * @param exactNodeLimit     branch-and-bound node limit per instance; 0 disables the exact solver
     * @param incrementalUpdates mastery updates per instance for the incremental benchmark; 0 disables it
     * @param warmup             instances planned (by every planner) before timing starts
     */
    public record Options(int instances, long seed, long exactNodeLimit, int incrementalUpdates, int warmup) {
    }

    /** One planner's figures over all instances. Ratios are over the instances the exact solver finished. */
    public record PlannerResult(String name, int instances, int violations, int instancesWithViolations,
                                double coverage, int fullCoverageInstances, double costRatioMedian, double costRatioMax,
                                int ratioInstances, double learningCost, double sequenceCost, double steps,
                                double p50Millis, double p99Millis) {
    }

    /**
     * Incremental re-planning against planning from scratch on the same states.
     *
     * @param updates             mastery updates applied
     * @param replanned           updates that changed the plan's steps
     * @param p50UpdateMillis     median time of an update (all updates)
     * @param p50ReplanMillis     median time of an update that changed the plan
     * @param p50ScratchMillis    median time of planning from scratch on the state after an update
     * @param speedupReplanned    p50 scratch / p50 re-planning update
     * @param violations          prerequisite violations in incremental plans (must be 0)
     * @param uncovered           needed weak concepts missing from incremental plans (must be 0)
     * @param costRatioMedian     median learning cost of the incremental plan / the fresh plan's
     * @param sequenceRatioMedian median sequence cost of the incremental plan / the fresh plan's (when > 0)
     */
    public record IncrementalResult(int updates, int replanned, double p50UpdateMillis, double p50ReplanMillis,
                                    double p50ScratchMillis, double speedupReplanned, int violations, int uncovered,
                                    double costRatioMedian, double sequenceRatioMedian) {
    }

    /** Everything one evaluation run measured. */
    public record Report(String graph, int concepts, int requiresEdges, int anyOfGroups, int supportsEdges,
                         int instances, int exactSolved, double meanSteps, List<PlannerResult> planners,
                         IncrementalResult incremental) {
    }

    private interface Contender {
        String name();

        /** The plan as an order of concept indices, or null when this planner has no answer for the instance. */
        int[] plan(double[] posterior, int[] goals);
    }

    private PlannerEvaluation() {
    }

    public static Report run(String graphName, CourseGraph course, PlanConfig config, Options options) {
        Planner planner = Planner.forCourse(course);
        PlannerGraph graph = planner.graph();
        double threshold = config.threshold();
        Function<double[], SelectionProblem> problemOf =
                p -> new SelectionProblem(graph, p, threshold, config.cost(), null);

        List<Contender> contenders = new ArrayList<>();
        contenders.add(contender("ours", (p, goals) -> planner.solve(p, ids(graph, goals), config).order()));
        contenders.add(contender("shortest-paths", (p, goals) -> Baselines.shortestPathUnion(problemOf.apply(p), goals)));
        contenders.add(contender("topological", (p, goals) -> Baselines.topologicalOfSelection(problemOf.apply(p), goals)));
        contenders.add(contender("closure-all", (p, goals) -> Baselines.closureAll(problemOf.apply(p), goals)));
        if (options.exactNodeLimit() > 0) {
            contenders.add(contender("exact", (p, goals) -> {
                SelectionProblem problem = problemOf.apply(p);
                Optional<Selection> best = ExactSelector.solve(problem, goals, options.exactNodeLimit()).optimum();
                return best.map(s -> Sequencer.order(problem, s, goals, config.sequence(), config.order())).orElse(null);
            }));
        }

        LearnerSimulator simulator = new LearnerSimulator(graph, threshold, options.seed());
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < options.instances(); i++) {
            Instance instance = simulator.next();
            if (instance != null) instances.add(instance);
        }
        for (int i = 0; i < Math.min(options.warmup(), instances.size()); i++) {
            for (Contender c : contenders) c.plan(instances.get(i).posterior(), instances.get(i).goals());
        }

        int k = instances.size();
        int cn = contenders.size();
        double[][] millis = new double[cn][k];
        double[][] cost = new double[cn][k];
        double[][] sequence = new double[cn][k];
        int[][] violations = new int[cn][k];
        int[][] covered = new int[cn][k];
        int[][] steps = new int[cn][k];
        boolean[][] answered = new boolean[cn][k];
        int[] needed = new int[k];
        for (int i = 0; i < k; i++) {
            Instance instance = instances.get(i);
            SelectionProblem problem = problemOf.apply(instance.posterior());
            int[] neededWeak = PlanChecker.neededWeakConcepts(graph, instance.posterior(), threshold, instance.goals());
            needed[i] = neededWeak.length;
            for (int c = 0; c < cn; c++) {
                long t0 = System.nanoTime();
                int[] order = contenders.get(c).plan(instance.posterior(), instance.goals());
                millis[c][i] = (System.nanoTime() - t0) / 1e6;
                if (order == null) continue;
                answered[c][i] = true;
                for (int v : order) cost[c][i] += problem.cost(v);
                sequence[c][i] = SequenceCostModel.evaluate(graph, order, config.sequence()).total();
                violations[c][i] = PlanChecker.violations(graph, instance.posterior(), threshold, order);
                covered[c][i] = PlanChecker.covered(graph, neededWeak, order);
                steps[c][i] = order.length;
            }
        }

        int exactIndex = options.exactNodeLimit() > 0 ? cn - 1 : -1;
        int exactSolved = 0;
        if (exactIndex >= 0) for (int i = 0; i < k; i++) if (answered[exactIndex][i]) exactSolved++;
        List<PlannerResult> results = new ArrayList<>();
        for (int c = 0; c < cn; c++) {
            int answeredCount = 0;
            int totalViolations = 0;
            int withViolations = 0;
            long coveredSum = 0;
            long neededSum = 0;
            int full = 0;
            double costSum = 0;
            double seqSum = 0;
            double stepSum = 0;
            List<Double> ratios = new ArrayList<>();
            double[] times = new double[k];
            for (int i = 0; i < k; i++) {
                times[i] = millis[c][i];
                if (!answered[c][i]) continue;
                answeredCount++;
                totalViolations += violations[c][i];
                if (violations[c][i] > 0) withViolations++;
                coveredSum += covered[c][i];
                neededSum += needed[i];
                if (covered[c][i] == needed[i]) full++;
                costSum += cost[c][i];
                seqSum += sequence[c][i];
                stepSum += steps[c][i];
                if (exactIndex >= 0 && answered[exactIndex][i] && cost[exactIndex][i] > 0) {
                    ratios.add(cost[c][i] / cost[exactIndex][i]);
                }
            }
            double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = Math.max(1, answeredCount);
            results.add(new PlannerResult(contenders.get(c).name(), answeredCount, totalViolations, withViolations,
                    neededSum == 0 ? 1.0 : (double) coveredSum / neededSum, full,
                    r.length == 0 ? Double.NaN : percentile(r, 50), r.length == 0 ? Double.NaN : r[r.length - 1], r.length,
                    costSum / n, seqSum / n, stepSum / n, percentile(sorted(times), 50), percentile(sorted(times), 99)));
        }
        double meanSteps = 0;
        for (int i = 0; i < k; i++) meanSteps += steps[0][i];
        meanSteps /= Math.max(1, k);

        IncrementalResult incremental = options.incrementalUpdates() > 0
                ? incremental(planner, instances, config, options) : null;
        return new Report(graphName, graph.size(), course.requiresLinks().size(), course.anyOfGroups().size(),
                course.supportsLinks().size(), k, exactSolved, meanSteps, results, incremental);
    }

    /**
     * Per instance, a session of mastery updates: half the time the learner masters the plan's next step, a quarter
     * of the time a mastered prerequisite the plan builds on drops to 0.5, otherwise a random concept gets a random
     * posterior. First the session runs through {@link IncrementalPlanner#update}, each update timed and its plan
     * checked for violations and coverage; then every state of the session is planned from scratch and timed. (Two
     * loops, so that neither measurement runs on the other's caches.)
     */
    private static IncrementalResult incremental(Planner planner, List<Instance> instances, PlanConfig config, Options options) {
        PlannerGraph graph = planner.graph();
        double threshold = config.threshold();
        Random rng = new Random(options.seed() ^ 0x5DEECE66DL);
        List<Double> all = new ArrayList<>();
        List<Double> replans = new ArrayList<>();
        List<Double> scratch = new ArrayList<>();
        List<Double> costRatios = new ArrayList<>();
        List<Double> seqRatios = new ArrayList<>();
        int violations = 0;
        int uncovered = 0;
        int warm = Math.min(options.warmup(), instances.size());
        int updates = options.incrementalUpdates();
        for (int i = 0; i < instances.size(); i++) {
            boolean measure = i >= warm || warm == instances.size();
            Instance instance = instances.get(i);
            double[] p = instance.posterior().clone();
            List<String> goals = ids(graph, instance.goals());
            IncrementalPlanner inc = planner.incremental(p, goals, config);
            double[][] states = new double[updates][];
            Plan[] plans = new Plan[updates];
            boolean[] changed = new boolean[updates];
            double[] times = new double[updates];
            for (int u = 0; u < updates; u++) {
                Plan current = inc.current();
                int v;
                double value;
                double dice = rng.nextDouble();
                if (dice < 0.5 && !current.steps().isEmpty()) {
                    v = graph.indexOf(current.steps().get(0).concept());
                    value = threshold + (1 - threshold) * rng.nextDouble();
                } else if (dice < 0.75 && current.sources().stream().anyMatch(Source::isPrerequisite)) {
                    List<Source> prerequisites = current.sources().stream().filter(Source::isPrerequisite).toList();
                    Source s = prerequisites.get(rng.nextInt(prerequisites.size()));
                    v = graph.indexOf(s.concept());
                    value = 0.5;
                } else {
                    v = rng.nextInt(graph.size());
                    value = rng.nextDouble();
                }
                p[v] = value;
                long t0 = System.nanoTime();
                Optional<Plan> result = inc.update(graph.id(v), value);
                times[u] = (System.nanoTime() - t0) / 1e6;
                changed[u] = result.isPresent();
                states[u] = p.clone();
                plans[u] = inc.current();
            }
            for (int u = 0; u < updates; u++) {
                long t1 = System.nanoTime();
                Planner.Solved fresh = planner.solve(states[u], goals, config);
                double ts = (System.nanoTime() - t1) / 1e6;
                Plan plan = plans[u];
                int[] order = plan.conceptOrder().stream().mapToInt(graph::indexOf).toArray();
                violations += PlanChecker.violations(graph, states[u], threshold, order);
                int[] needed = PlanChecker.neededWeakConcepts(graph, states[u], threshold, instance.goals());
                uncovered += needed.length - PlanChecker.covered(graph, needed, order);
                if (!measure) continue;
                all.add(times[u]);
                scratch.add(ts);
                if (changed[u]) {
                    replans.add(times[u]);
                    double freshCost = fresh.plan().totals().learningMinutes();
                    if (freshCost > 0) costRatios.add(plan.totals().learningMinutes() / freshCost);
                    double freshSeq = fresh.plan().totals().sequence().total();
                    if (freshSeq > 0) seqRatios.add(plan.totals().sequence().total() / freshSeq);
                }
            }
        }
        double p50Replan = median(replans);
        double p50Scratch = median(scratch);
        return new IncrementalResult(all.size(), replans.size(), median(all), p50Replan, p50Scratch,
                p50Replan > 0 ? p50Scratch / p50Replan : Double.NaN, violations, uncovered, median(costRatios), median(seqRatios));
    }

    private static Contender contender(String name, java.util.function.BiFunction<double[], int[], int[]> plan) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int[] plan(double[] posterior, int[] goals) {
                return plan.apply(posterior, goals);
            }
        };
    }

    private static List<String> ids(PlannerGraph graph, int[] goals) {
        List<String> out = new ArrayList<>(goals.length);
        for (int g : goals) out.add(graph.id(g));
        return out;
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
