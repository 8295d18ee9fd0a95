package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.kt.ConceptParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares the diagnosis strategies on the same simulated learners. Each learner is drawn once; every strategy
 * questions its own copy (common random numbers: the same question asked the k-th time gets the same answer draw).
 *
 * <ul>
 *   <li><b>graph-adaptive</b> stops when its estimated accuracy reaches the target or the budget is spent;</li>
 *   <li><b>random-order</b> and <b>independent-tracing</b> are scored after the same number of questions as the
 *       adaptive session used for that learner ("at the same budget");</li>
 *   <li><b>full-test</b> asks one question per concept.</li>
 * </ul>
 * Accuracy is the share of concepts whose verdict (P(mastered) ≥ 0.5) matches the learner's true state at that
 * moment. The curve gives each adaptive strategy's mean accuracy after exactly q questions (no early stop).
 * Learners run in parallel; results do not depend on the number of threads.
 */
public final class DiagnosisBenchmark {

    /**
     * @param learners   simulated learners
     * @param seed       seed of the learners and sessions
     * @param threads    worker threads
     * @param population how the simulated learners are drawn
     */
    public record Options(int learners, long seed, int threads, LearnerSimulator.Population population) {
    }

    /** One strategy's means over learners. */
    public record StrategyResult(String name, double questions, double accuracy) {
    }

    /** Mean accuracy after {@code questions} questions, per adaptive strategy (by label). */
    public record CurvePoint(int questions, Map<String, Double> accuracy) {
    }

    /**
     * @param concepts        concepts in the graph
     * @param questions       distinct questions available (items and abstract probes)
     * @param budget          the question budget
     * @param target          the target estimated accuracy
     * @param meanMastered    mean share of concepts the simulated learners master at the start
     * @param meanEstimate    mean of the adaptive session's own accuracy estimate when it stopped
     */
    public record Report(int concepts, int questions, int learners, int budget, double target, double meanMastered,
                         double meanEstimate, List<StrategyResult> strategies, List<CurvePoint> curve, double seconds) {
    }

    private static final Strategy[] CURVED = {Strategy.GRAPH_ADAPTIVE, Strategy.RANDOM_ORDER, Strategy.INDEPENDENT_TRACING};

    private DiagnosisBenchmark() {
    }

    public static Report run(CourseGraph graph, List<Item> items, ConceptParams params, DiagnosisSettings settings, Options options) {
        long start = System.nanoTime();
        KnowledgeStructure ks = KnowledgeStructure.of(graph);
        int budget = settings.budgetFor(ks.size());
        // Sessions run without early stop up to the budget; the stop is read off the recorded estimates.
        Diagnostician d = new Diagnostician(settings.withTargetAccuracy(2.0).withMaxQuestions(budget), params);
        Probes probes = Probes.of(ks, items, params, settings);
        LearnerSimulator simulator = new LearnerSimulator(ks, options.population());
        List<Callable<LearnerRun>> tasks = new ArrayList<>();
        for (int l = 0; l < options.learners(); l++) {
            long learnerSeed = mix(options.seed(), l);
            tasks.add(() -> runLearner(ks, probes, d, simulator.draw(learnerSeed), learnerSeed, budget, settings.targetAccuracy()));
        }
        List<LearnerRun> runs = runAll(tasks, options.threads());
        return summarise(ks, probes, runs, budget, settings.targetAccuracy(), (System.nanoTime() - start) / 1e9);
    }

    private record LearnerRun(double[][] curves, int stop, double estimateAtStop, int fullQuestions, double fullAccuracy,
                              double mastered) {
    }

    private static LearnerRun runLearner(KnowledgeStructure ks, Probes probes, Diagnostician d, SimulatedLearner learner,
                                         long seed, int budget, double target) {
        double[][] curves = new double[CURVED.length][];
        double[] estimates = null;
        for (int s = 0; s < CURVED.length; s++) {
            DiagnosisSession session = d.start(ks, probes, PriorEvidence.none(), CURVED[s], mix(seed, 100 + s));
            double[][] trace = trace(ks, session, learner.copy(), budget);
            curves[s] = trace[0];
            if (CURVED[s] == Strategy.GRAPH_ADAPTIVE) estimates = trace[1];
        }
        int stop = curves[0].length - 1;
        for (int t = 0; t < estimates.length; t++) {
            if (estimates[t] >= target) {
                stop = t;
                break;
            }
        }
        DiagnosisSession full = d.start(ks, probes, PriorEvidence.none(), Strategy.FULL_TEST, mix(seed, 200));
        double[][] fullTrace = trace(ks, full, learner.copy(), Integer.MAX_VALUE);
        int mastered = 0;
        for (int c = 0; c < ks.size(); c++) if (learner.knows(c)) mastered++;
        return new LearnerRun(curves, stop, estimates[stop], fullTrace[0].length - 1, fullTrace[0][fullTrace[0].length - 1],
                (double) mastered / ks.size());
    }

    /** Accuracy (row 0) and the session's own estimate (row 1) after 0, 1, 2, … questions. */
    private static double[][] trace(KnowledgeStructure ks, DiagnosisSession session, SimulatedLearner learner, int max) {
        List<Double> acc = new ArrayList<>();
        List<Double> est = new ArrayList<>();
        acc.add(accuracy(ks, session.mastery(), learner));
        est.add(session.estimatedAccuracy());
        while (acc.size() - 1 < max) {
            var q = session.nextQuestion();
            if (q.isEmpty()) break;
            session.observe(q.get(), learner.answer(q.get()));
            acc.add(accuracy(ks, session.mastery(), learner));
            est.add(session.estimatedAccuracy());
        }
        return new double[][]{acc.stream().mapToDouble(Double::doubleValue).toArray(), est.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static double accuracy(KnowledgeStructure ks, Map<String, ConceptMastery> map, SimulatedLearner learner) {
        int right = 0;
        for (int c = 0; c < ks.size(); c++) {
            boolean verdict = map.get(ks.id(c)).posterior() >= 0.5;
            if (verdict == learner.knows(c)) right++;
        }
        return (double) right / ks.size();
    }

    private static Report summarise(KnowledgeStructure ks, Probes probes, List<LearnerRun> runs, int budget, double target,
                                    double seconds) {
        int n = runs.size();
        double[] q = new double[4];
        double[] a = new double[4];
        double mastered = 0;
        double estimate = 0;
        for (LearnerRun r : runs) {
            for (int s = 0; s < CURVED.length; s++) {
                double[] c = r.curves[s];
                q[s] += Math.min(r.stop, c.length - 1);
                a[s] += c[Math.min(r.stop, c.length - 1)];
            }
            q[3] += r.fullQuestions;
            a[3] += r.fullAccuracy;
            mastered += r.mastered;
            estimate += r.estimateAtStop;
        }
        List<StrategyResult> results = new ArrayList<>();
        for (int s = 0; s < CURVED.length; s++) results.add(new StrategyResult(CURVED[s].label(), q[s] / n, a[s] / n));
        results.add(new StrategyResult(Strategy.FULL_TEST.label(), q[3] / n, a[3] / n));
        List<CurvePoint> curve = new ArrayList<>();
        for (int t : checkpoints(budget)) {
            Map<String, Double> point = new LinkedHashMap<>();
            for (int s = 0; s < CURVED.length; s++) {
                double sum = 0;
                for (LearnerRun r : runs) sum += r.curves[s][Math.min(t, r.curves[s].length - 1)];
                point.put(CURVED[s].label(), sum / n);
            }
            curve.add(new CurvePoint(t, point));
        }
        return new Report(ks.size(), probes.all.size(), n, budget, target, mastered / n, estimate / n, results, curve, seconds);
    }

    /** 0, then about 2 %, 5 %, 10 %, 15 %, 20 % of the budget's concept count, and the budget itself. */
    static List<Integer> checkpoints(int budget) {
        TreeSet<Integer> points = new TreeSet<>();
        points.add(0);
        for (double f : new double[]{0.04, 0.08, 0.12, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0}) points.add((int) Math.round(f * budget));
        return new ArrayList<>(points);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "diagnosis-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
