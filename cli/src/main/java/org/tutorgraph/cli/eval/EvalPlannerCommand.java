package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.eval.AnyOfTransform;
import org.tutorgraph.planner.eval.PlannerEvaluation;
import org.tutorgraph.planner.eval.PlannerEvaluation.IncrementalResult;
import org.tutorgraph.planner.eval.PlannerEvaluation.PlannerResult;
import org.tutorgraph.planner.eval.PlannerEvaluation.Report;
import org.tutorgraph.planner.eval.SyntheticGraphs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tutor eval planner}: our planner against baselines and the exact optimum on seeded instances. */
@Command(name = "planner",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Compare path planners with the exact optimum on seeded learners.",
                "",
                "Instances: simulated learners whose knowledge is consistent with the graph,",
                "each with 1-5 goals. Planners: ours; the union of per-goal shortest paths from",
                "the mastered set (what the public GraphMASAL re-implementation does); our",
                "selection in plain topological order; the full prerequisite closure; and the",
                "exact optimum (branch and bound) where it finishes within --exact-limit nodes.",
                "",
                "Reported per planner: prerequisite violations (steps taught before a",
                "prerequisite), coverage of the weak concepts the goals need, learning cost and",
                "its ratio to the exact optimum (median, max), sequence cost, steps, and plan",
                "time (p50, p99, after --warmup instances). With --incremental U, also U",
                "mastery updates per instance re-planned incrementally versus from scratch.",
                "",
                "Graphs without anyOf groups (real prerequisite graphs) get some:",
                "--any-of-fraction of the concepts with two or more prerequisites have 2-3 of",
                "them turned into alternatives (seeded). Timings depend on the machine and its",
                "load.",
                "",
                "Examples:",
                "  tutor eval planner --synthetic 1000 --instances 200 --seed 1",
                "  tutor eval planner --graph-format metamath \\",
                "      --graph ../shared/data/graphs/metamath/nf.mm --instances 100 --json",
                ""
        })
public final class EvalPlannerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    static final class Source {
        @Option(names = "--course", paramLabel = "PACK", description = "A course pack folder (default: the bundled course).")
        Path course;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Imported imported;

        @Option(names = "--synthetic", paramLabel = "N", description = "A synthetic layered graph of N concepts (seeded by --seed).")
        Integer synthetic;
    }

    static final class Imported {
        @Option(names = "--graph-format", required = true, paramLabel = "FORMAT",
                description = "Format of --graph: csv, metacademy, ccssm, lecturebank (the course importers) or metamath.")
        String format;

        @Option(names = "--graph", required = true, paramLabel = "FILE", description = "The graph file.")
        Path file;
    }

    @Option(names = "--instances", paramLabel = "K", defaultValue = "100", description = "Number of instances (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--any-of-fraction", paramLabel = "F",
            description = "Fraction of multi-prerequisite concepts given an anyOf group (default: 0.3 for graphs without groups, else 0).")
    Double anyOfFraction;

    @Option(names = "--exact-limit", paramLabel = "NODES", defaultValue = "20000",
            description = "Branch-and-bound nodes per instance for the exact optimum; 0 skips it (default: ${DEFAULT-VALUE}).")
    long exactLimit;

    @Option(names = "--incremental", paramLabel = "U", defaultValue = "0",
            description = "Also measure U incremental re-plans per instance against planning from scratch (default: ${DEFAULT-VALUE}).")
    int incremental;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20",
            description = "Instances planned before timing starts, to warm up the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.95", description = "Mastery threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
        if (instances < 1) throw new UserException("tutor eval planner: --instances must be at least 1");
        if (incremental < 0 || warmup < 0 || exactLimit < 0) throw new UserException("tutor eval planner: counts must not be negative");
        if (!(threshold > 0 && threshold <= 1)) throw new UserException("tutor eval planner: --threshold must be in (0, 1]");
        String name;
        CourseGraph graph;
        if (source != null && source.synthetic != null) {
            if (source.synthetic < 2 || source.synthetic > 2_000_000) throw new UserException("tutor eval planner: --synthetic N must be in [2, 2000000]");
            name = "synthetic-" + source.synthetic;
            graph = SyntheticGraphs.generate(source.synthetic, seed);
        } else if (source != null && source.imported != null) {
            name = source.imported.format + ":" + source.imported.file.getFileName();
            graph = GraphSources.read(source.imported.format.toLowerCase(Locale.ROOT), source.imported.file);
        } else {
            Path pack = source == null ? null : source.course;
            graph = CourseOption.load(pack).graph();
            name = pack == null ? "bundled course" : pack.toString();
        }
        double fraction = anyOfFraction != null ? anyOfFraction : graph.anyOfGroups().isEmpty() ? 0.3 : 0.0;
        if (!(fraction >= 0 && fraction <= 1)) throw new UserException("tutor eval planner: --any-of-fraction must be in [0, 1]");
        if (fraction > 0) {
            graph = AnyOfTransform.apply(graph, fraction, seed);
            name += String.format(Locale.ROOT, " (anyOf fraction %.2f)", fraction);
        }
        PlanConfig config = PlanConfig.DEFAULT.withThreshold(threshold);
        Report report = PlannerEvaluation.run(name, graph, config,
                new PlannerEvaluation.Options(instances, seed, exactLimit, incremental, warmup));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(report) : text(report));
        out.flush();
        return 0;
    }

    static String text(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Planner evaluation on %s: %d concepts, %d requires edges, %d anyOf groups, %d supports edges%n",
                r.graph(), r.concepts(), r.requiresEdges(), r.anyOfGroups(), r.supportsEdges()));
        b.append(String.format(Locale.ROOT, "%d instances (1-5 goals each, %.1f steps on average in our plans); exact optimum found on %d%n%n",
                r.instances(), r.meanSteps(), r.exactSolved()));
        b.append(String.format(Locale.ROOT, "%-15s %10s %9s %9s %11s %10s %10s %10s %8s %9s %9s%n",
                "planner", "violations", "coverage", "full", "cost/exact", "(max)", "learning", "sequence", "steps", "p50 ms", "p99 ms"));
        for (PlannerResult p : r.planners()) {
            b.append(String.format(Locale.ROOT, "%-15s %10d %8.2f%% %9s %11s %10s %10.1f %10.1f %8.1f %9.3f %9.3f%n",
                    p.name(), p.violations(), 100 * p.coverage(), p.fullCoverageInstances() + "/" + p.instances(),
                    ratio(p.costRatioMedian()), ratio(p.costRatioMax()), p.learningCost(), p.sequenceCost(), p.steps(),
                    p.p50Millis(), p.p99Millis()));
        }
        b.append("\nviolations: prerequisites taught too late or never, summed over instances; coverage: share of the weak\n")
                .append("concepts the goals need (unmastered goals and requires-ancestors) that the plan teaches; cost/exact:\n")
                .append("learning minutes over the exact optimum's, median (max), on instances the exact solver finished.\n");
        IncrementalResult inc = r.incremental();
        if (inc != null) {
            b.append(String.format(Locale.ROOT,
                    "%nIncremental re-planning: %d mastery updates, %d changed the plan%n"
                            + "  p50 update %.4f ms (all), %.4f ms (re-plans); p50 from scratch %.4f ms; speed-up %.1fx%n"
                            + "  incremental plans: %d violations, %d needed concepts missing; vs fresh plan: learning cost x%.3f, sequence cost x%.3f (medians)%n",
                    inc.updates(), inc.replanned(), inc.p50UpdateMillis(), inc.p50ReplanMillis(), inc.p50ScratchMillis(),
                    inc.speedupReplanned(), inc.violations(), inc.uncovered(), inc.costRatioMedian(), inc.sequenceRatioMedian()));
        }
        return b.toString();
    }

    private static String ratio(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }

    static String json(Report r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("graph", r.graph());
        root.put("concepts", r.concepts());
        root.put("requiresEdges", r.requiresEdges());
        root.put("anyOfGroups", r.anyOfGroups());
        root.put("supportsEdges", r.supportsEdges());
        root.put("instances", r.instances());
        root.put("exactSolved", r.exactSolved());
        root.put("meanSteps", r.meanSteps());
        ArrayNode planners = root.putArray("planners");
        for (PlannerResult p : r.planners()) {
            ObjectNode o = planners.addObject();
            o.put("name", p.name());
            o.put("violations", p.violations());
            o.put("instancesWithViolations", p.instancesWithViolations());
            o.put("coverage", p.coverage());
            o.put("fullCoverageInstances", p.fullCoverageInstances());
            number(o, "costRatioMedian", p.costRatioMedian());
            number(o, "costRatioMax", p.costRatioMax());
            o.put("ratioInstances", p.ratioInstances());
            o.put("learningCost", p.learningCost());
            o.put("sequenceCost", p.sequenceCost());
            o.put("steps", p.steps());
            o.put("p50Millis", p.p50Millis());
            o.put("p99Millis", p.p99Millis());
            o.put("answered", p.instances());
        }
        IncrementalResult inc = r.incremental();
        if (inc != null) {
            ObjectNode o = root.putObject("incremental");
            o.put("updates", inc.updates());
            o.put("replanned", inc.replanned());
            number(o, "p50UpdateMillis", inc.p50UpdateMillis());
            number(o, "p50ReplanMillis", inc.p50ReplanMillis());
            number(o, "p50ScratchMillis", inc.p50ScratchMillis());
            number(o, "speedup", inc.speedupReplanned());
            o.put("violations", inc.violations());
            o.put("uncovered", inc.uncovered());
            number(o, "costRatioMedian", inc.costRatioMedian());
            number(o, "sequenceRatioMedian", inc.sequenceRatioMedian());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode o, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) o.putNull(field);
        else o.put(field, value);
    }
}
