package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code tutor eval guard [--data DIR] [--json]}: the answer-leak guard as a detector, precision and recall. */
@Command(name = "guard",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Measure the answer-leak guard on public tutoring data.",
                "",
                "Prints its precision and recall as a detector of answer-revealing hints.",
                "",
                "OATutor: every hint of every step's default pathway. A hint is positive",
                "when its text contains the step's answer verbatim as whole tokens",
                "(LaTeX is turned into plain math first).",
                "MathDial: every teacher turn of the test split. (telling) is positive,",
                "(focus) and (probing) negative, (generic) only counted. A second view",
                "scores the same turns against 'contains the final answer verbatim'.",
                "",
                "The guard runs at the orient rung, with the problem as the prompt and,",
                "for MathDial, the student's words as what the learner already said.",
                "",
                "Example:  tutor eval guard --data ../shared/data --show 5",
                ""
        })
public final class EvalGuardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Data folder holding items/oatutor-content and dialogues/mathdial (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME", split = ",",
            description = "Only these datasets: oatutor, mathdial (default: every one found).")
    List<String> datasets;

    @Option(names = "--no-learner-context",
            description = "MathDial: do not tell the guard what the student already said (by default, repeating the student's own number is not counted as revealing it).")
    boolean noLearnerContext;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "Also print N false positives and N false negatives per dataset (a seeded sample), to audit the labels.")
    int show;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the --show sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        if (!Files.isDirectory(data)) {
            throw new UserException("tutor eval guard: no data folder at " + data + " (pass --data DIR, the folder holding items/oatutor-content and dialogues/mathdial)");
        }
        List<String> wanted = datasets == null || datasets.isEmpty() ? List.of("oatutor", "mathdial")
                : datasets.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        for (String w : wanted) {
            if (!w.equals("oatutor") && !w.equals("mathdial")) throw new UserException("tutor eval guard: unknown dataset '" + w + "' (use oatutor or mathdial)");
        }
        boolean explicit = datasets != null && !datasets.isEmpty();
        List<GuardBenchmark.Result> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (wanted.contains("oatutor")) {
            Path pool = GuardBenchmark.oatutorPool(data);
            if (Files.isDirectory(pool)) {
                int[] skipped = {0};
                List<GuardCase> cases = GuardBenchmark.oatutor(pool, skipped);
                results.add(GuardBenchmark.run("oatutor", "hint contains the step's answer verbatim", cases, skipped[0], show, seed));
            } else {
                missing.add(pool.toString());
            }
        }
        if (wanted.contains("mathdial")) {
            Path file = GuardBenchmark.mathdialFile(data);
            if (Files.isRegularFile(file)) {
                int[] skipped = {0};
                List<GuardCase> cases = GuardBenchmark.mathdial(file, skipped, !noLearnerContext);
                results.add(GuardBenchmark.run("mathdial", "teacher move is (telling) vs (focus)/(probing)", cases, skipped[0], show, seed));
            } else {
                missing.add(file.toString());
            }
        }
        if (results.isEmpty() || (explicit && !missing.isEmpty())) {
            throw new UserException("tutor eval guard: missing data: " + String.join(", ", missing));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, results, missing);
        else printText(out, results, missing);
        out.flush();
    }

    private void printText(PrintWriter out, List<GuardBenchmark.Result> results, List<String> missing) {
        for (GuardBenchmark.Result r : results) {
            DetectorScore s = r.score();
            long messages = r.flaggedByGroup().values().stream().mapToLong(g -> g[0]).sum();
            out.printf("%s: %d messages (%d skipped inputs), label: %s%n", r.dataset(), messages, r.skipped(), r.label());
            out.printf("  scored %d: %d positive, %d negative%n", s.positives() + s.negatives(), s.positives(), s.negatives());
            out.printf("  TP %d  FP %d  FN %d  TN %d%n", s.tp(), s.fp(), s.fn(), s.tn());
            out.printf("  precision %s  recall %s  F1 %s  false-positive rate %s%n", pct(s.precision()), pct(s.recall()), pct(s.f1()), pct(s.falsePositiveRate()));
            if (r.dataset().equals("mathdial")) {
                DetectorScore v = r.verbatimScore();
                out.printf("  against 'turn contains the final answer verbatim' (all %d turns, %d positive): precision %s  recall %s%n",
                        v.positives() + v.negatives(), v.positives(), pct(v.precision()), pct(v.recall()));
            }
            StringBuilder groups = new StringBuilder("  flagged by group:");
            r.flaggedByGroup().forEach((g, c) -> groups.append(String.format(" %s %d/%d (%s)", g, c[1], c[0], pct((double) c[1] / c[0]))));
            out.println(groups);
            out.printf("  time %.1f s, %.2f ms per message (single thread; figures taken under load are indicative)%n",
                    r.nanos() / 1e9, messages == 0 ? 0 : r.nanos() / 1e6 / messages);
            printExamples(out, "false positives", r.falsePositives());
            printExamples(out, "false negatives", r.falseNegatives());
            if (r.dataset().equals("mathdial")) {
                printExamples(out, "flagged but not containing the answer verbatim", r.verbatimFalsePositives());
                printExamples(out, "containing the answer verbatim but not flagged", r.verbatimFalseNegatives());
            }
        }
        for (String m : missing) out.println("(skipped: no data at " + m + ")");
    }

    private static void printExamples(PrintWriter out, String title, List<GuardBenchmark.Example> examples) {
        if (examples.isEmpty()) return;
        out.println("  " + title + ":");
        for (GuardBenchmark.Example e : examples) {
            out.println(Terminal.safe("    [" + e.id() + "] answer " + e.answer() + (e.leak().isEmpty() ? "" : "  flagged " + e.leak())));
            out.println(Terminal.safe("      " + shorten(e.message().replace('\n', ' '), 240)));
        }
    }

    private void printJson(PrintWriter out, List<GuardBenchmark.Result> results, List<String> missing) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (GuardBenchmark.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", r.dataset());
            m.put("label", r.label());
            m.put("skippedInputs", r.skipped());
            m.put("score", score(r.score()));
            if (r.dataset().equals("mathdial")) m.put("verbatimScore", score(r.verbatimScore()));
            Map<String, Object> groups = new LinkedHashMap<>();
            r.flaggedByGroup().forEach((g, c) -> groups.put(g, Map.of("messages", c[0], "flagged", c[1])));
            m.put("groups", groups);
            m.put("seconds", r.nanos() / 1e9);
            if (show > 0) {
                m.put("falsePositives", r.falsePositives());
                m.put("falseNegatives", r.falseNegatives());
            }
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "tutor eval guard");
        root.put("data", data.toString());
        root.put("results", list);
        root.put("missing", missing);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> score(DetectorScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp", s.tp());
        m.put("fp", s.fp());
        m.put("fn", s.fn());
        m.put("tn", s.tn());
        m.put("precision", finite(s.precision()));
        m.put("recall", finite(s.recall()));
        m.put("f1", finite(s.f1()));
        return m;
    }

    private static Object finite(double d) {
        return Double.isNaN(d) ? null : Math.round(d * 10000) / 10000.0;
    }

    private static String pct(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * d);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
