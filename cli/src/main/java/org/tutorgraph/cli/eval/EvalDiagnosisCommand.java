package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.diagnosis.DiagnosisBenchmark;
import org.tutorgraph.diagnosis.DiagnosisSettings;
import org.tutorgraph.diagnosis.LearnerSimulator;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.importers.CourseImporter;
import org.tutorgraph.importers.ImportException;
import org.tutorgraph.importers.ImportOptions;
import org.tutorgraph.importers.ImportResult;
import org.tutorgraph.importers.Importers;
import org.tutorgraph.kt.ConceptParams;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.kt.TracingFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code tutor eval diagnosis}: adaptive diagnosis against its baselines on simulated learners. */
@Command(name = "diagnosis",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Compare diagnosis strategies on the same simulated learners.",
                "",
                "Strategies: graph-aware adaptive (the Diagnostician), random question",
                "order (same belief), per-concept independent tracing (no graph), and the",
                "full fixed test (one question per concept). Prints, per strategy, the",
                "mean number of questions and the accuracy of the final mastered/",
                "not-mastered map, then the accuracy after q questions (the curve).",
                "",
                "The adaptive session stops when its own accuracy estimate reaches",
                "--target or after --budget questions; random order and independent",
                "tracing are scored after the same number of questions. Learners' states",
                "respect the graph's prerequisites; answers have slips and guesses;",
                "learners may learn while answering (--learn).",
                "",
                "Examples:",
                "  tutor eval diagnosis --course my-course --learners 200 --seed 1",
                "  tutor eval diagnosis --graph-format ccssm \\",
                "      --graph ccssm-dependencies.csv --learners 100 --seed 0 --json",
                ""
        })
public final class EvalDiagnosisCommand implements Runnable {

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--course", paramLabel = "PACK", description = "A course pack (default: the bundled course).")
        Path course;

        @ArgGroup(exclusive = false)
        GraphFile graph;
    }

    static final class GraphFile {
        @Option(names = "--graph-format", required = true, paramLabel = "metacademy|ccssm",
                description = "Format of --graph: any importer's (ccssm, metacademy, csv, lecturebank).")
        String format;

        @Option(names = "--graph", required = true, paramLabel = "FILE", description = "A graph file or folder, as 'tutor course import' reads it (no items: questions are abstract probes).")
        Path file;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--learners", paramLabel = "N", defaultValue = "100", description = "Simulated learners (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of learners and sessions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target", paramLabel = "A", defaultValue = "0.95",
            description = "Stop when the estimated map accuracy reaches A (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--budget", paramLabel = "Q", defaultValue = "0",
            description = "Question budget (default: a quarter of the concepts).")
    int budget;

    @Option(names = "--particles", paramLabel = "M", defaultValue = "1024", description = "Size of the sampled belief (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--moves", paramLabel = "K", defaultValue = "12", description = "MCMC moves per particle after each answer (default: ${DEFAULT-VALUE}).")
    int moves;

    @Option(names = "--learn", paramLabel = "P", defaultValue = "0.02",
            description = "Simulated learners' chance to learn a concept when answering on it (default: ${DEFAULT-VALUE}).")
    double learn;

    @Option(names = "--noise", paramLabel = "SD", defaultValue = "1.0",
            description = "How idiosyncratic simulated learners are: the standard deviation of each concept's logit noise "
                    + "around the learner's level (default: ${DEFAULT-VALUE}; 2 makes gaps and islands common).")
    double noise;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object: {\"strategies\":[{\"name\",\"questions\",\"accuracy\"}, …], \"curve\": …}.")
    boolean json;

    @Override
    public void run() {
        CourseGraph graph;
        List<Item> items;
        ConceptParams params = ConceptParams.defaults();
        String what;
        if (source != null && source.graph != null) {
            ImportResult imported = importGraph(source.graph.format, source.graph.file);
            graph = imported.graph();
            items = imported.items();
            what = source.graph.format + " graph " + source.graph.file;
        } else {
            Path course = source == null ? null : source.course;
            CoursePack pack = CourseOption.load(course);
            graph = pack.graph();
            items = pack.items();
            what = course == null ? "bundled course '" + pack.meta().id() + "'" : "course " + course;
            try {
                params = TracingFile.read(pack.source());
            } catch (IOException | LogFormatException e) {
                throw new UserException("tutor eval: " + e.getMessage());
            }
        }
        if (learners < 1) throw new UserException("tutor eval: --learners must be at least 1");
        DiagnosisSettings settings;
        LearnerSimulator.Population population;
        try {
            settings = DiagnosisSettings.defaults().withTargetAccuracy(target).withMaxQuestions(budget)
                    .withParticles(particles).withMovesPerParticle(moves).withSeed(seed);
            LearnerSimulator.Population d = LearnerSimulator.Population.defaults();
            population = new LearnerSimulator.Population(d.steepness(), noise, d.slipLow(), d.slipHigh(), d.guessLow(), d.guessHigh(), learn);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor eval: " + e.getMessage());
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        DiagnosisBenchmark.Report r = DiagnosisBenchmark.run(graph, items, params, settings,
                new DiagnosisBenchmark.Options(learners, seed, t, population));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
            return;
        }
        out.printf("Diagnosis on %s: %d concepts, %d questions available, %d simulated learners (seed %d)%n",
                what, r.concepts(), r.questions(), r.learners(), seed);
        out.printf("Learners master %.1f%% of the concepts on average. Budget %d question%s, target estimate %.2f.%n%n",
                100 * r.meanMastered(), r.budget(), r.budget() == 1 ? "" : "s", r.target());
        out.printf("  %-22s %10s %10s%n", "strategy", "questions", "accuracy");
        for (DiagnosisBenchmark.StrategyResult s : r.strategies()) {
            out.printf("  %-22s %10.1f %9.1f%%%n", s.name(), s.questions(), 100 * s.accuracy());
        }
        out.printf("%n(the adaptive sessions estimated their own accuracy at %.1f%% when they stopped)%n%n", 100 * r.meanEstimate());
        out.println("Accuracy after q questions:");
        StringBuilder header = new StringBuilder(String.format("  %6s", "q"));
        for (String name : r.curve().get(0).accuracy().keySet()) header.append(String.format(" %20s", name));
        out.println(header);
        for (DiagnosisBenchmark.CurvePoint p : r.curve()) {
            StringBuilder row = new StringBuilder(String.format("  %6d", p.questions()));
            for (double a : p.accuracy().values()) row.append(String.format(" %19.1f%%", 100 * a));
            out.println(row);
        }
        out.printf("%n%.1f s%n", r.seconds());
    }

    /** Any importer's format (ccssm, metacademy, csv, lecturebank); cycles are broken, as a benchmark needs a DAG. */
    private static ImportResult importGraph(String format, Path file) {
        CourseImporter importer = Importers.forFormat(format).orElseThrow(() -> new UserException(
                "tutor eval: unknown --graph-format '" + format + "' (expected one of " + String.join(", ", Importers.formats()) + ")"));
        try {
            return importer.importFrom(file, ImportOptions.defaults().withBreakCycles(true));
        } catch (ImportException e) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("tutor eval: cannot import " + file + " as " + importer.format() + ":");
            lines.addAll(e.problems());
            throw new UserException(lines);
        }
    }

    private static String toJson(DiagnosisBenchmark.Report r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode strategies = root.putArray("strategies");
        for (DiagnosisBenchmark.StrategyResult s : r.strategies()) {
            strategies.addObject().put("name", s.name()).put("questions", s.questions()).put("accuracy", s.accuracy());
        }
        ArrayNode curve = root.putArray("curve");
        for (DiagnosisBenchmark.CurvePoint p : r.curve()) {
            ObjectNode point = curve.addObject().put("questions", p.questions());
            for (Map.Entry<String, Double> e : p.accuracy().entrySet()) point.put(e.getKey(), e.getValue());
        }
        root.put("concepts", r.concepts());
        root.put("learners", r.learners());
        root.put("budget", r.budget());
        root.put("target", r.target());
        root.put("seconds", r.seconds());
        return root.toString();
    }
}
