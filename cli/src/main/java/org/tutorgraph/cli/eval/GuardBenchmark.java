package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.answer.Expressions;
import org.tutorgraph.answer.NumberValue;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.LeakVerdict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the leak guard as a detector on public tutoring data (the figures of {@code tutor eval guard}).
 *
 * <p><b>OATutor</b> ({@code items/oatutor-content/content-pool}): every hint of every step's default pathway
 * ({@code steps/<sid>/tutoring/<sid>DefaultPathway.json}), LaTeX turned into plain math. Label: the hint's text
 * contains the step's answer ({@code stepAnswer}) verbatim as a whole token ({@link Verbatim}). The item given to the
 * guard: the problem's and the step's title and body as the prompt; for multiple-choice steps the choices; otherwise
 * a number when the answer reads as one, an expression when it parses, else text. Scaffold answers
 * ({@code hintAnswer}) are not part of the hint's text and are not protected here.
 *
 * <p><b>MathDial</b> ({@code dialogues/mathdial/test.jsonl}): every teacher turn, its move taken from its prefix.
 * Label: {@code (telling)} positive, {@code (focus)} and {@code (probing)} negative; {@code (generic)} turns are only
 * counted. The answer is the last line of {@code ground_truth}; the prompt is the question; what the learner said is
 * the student's incorrect solution and the student turns so far. A second view scores the same turns against the
 * verbatim label (the turn contains the final answer as a token).
 */
final class GuardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEACHER = Pattern.compile("^\\s*Teacher:\\s*\\((\\w+)\\)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern STUDENT = Pattern.compile("^\\s*Student:\\s*(.*)$", Pattern.DOTALL);

    private GuardBenchmark() {
    }

    /** The results of one dataset. */
    record Result(String dataset, String label, DetectorScore score, DetectorScore verbatimScore,
                  Map<String, long[]> flaggedByGroup, int skipped, long nanos, List<Example> falsePositives,
                  List<Example> falseNegatives, List<Example> verbatimFalsePositives, List<Example> verbatimFalseNegatives) {
    }

    /** A disagreement shown for auditing. */
    record Example(String id, String answer, String message, String leak) {
    }

    // --- OATutor -----------------------------------------------------------------------------------------------------

    static Path oatutorPool(Path data) {
        return data.resolve("items/oatutor-content/content-pool");
    }

    static Path mathdialFile(Path data) {
        return data.resolve("dialogues/mathdial/test.jsonl");
    }

    /** Reads every hint of the OATutor pool under {@code pool} as a labelled case. Skipped steps are counted in {@code skipped[0]}. */
    static List<GuardCase> oatutor(Path pool, int[] skipped) {
        List<GuardCase> cases = new ArrayList<>();
        List<Path> problems;
        try (Stream<Path> s = Files.list(pool)) {
            problems = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path problemDir : problems) {
            String pid = problemDir.getFileName().toString();
            JsonNode problem = read(problemDir.resolve(pid + ".json"));
            if (problem == null) continue;
            String problemText = Latex.toPlain(problem.path("title").asText("")) + "\n" + Latex.toPlain(problem.path("body").asText(""));
            Path stepsDir = problemDir.resolve("steps");
            if (!Files.isDirectory(stepsDir)) continue;
            List<Path> steps;
            try (Stream<Path> s = Files.list(stepsDir)) {
                steps = s.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path stepDir : steps) {
                String sid = stepDir.getFileName().toString();
                JsonNode step = read(stepDir.resolve(sid + ".json"));
                JsonNode pathway = read(stepDir.resolve("tutoring").resolve(sid + "DefaultPathway.json"));
                if (step == null || pathway == null || !pathway.isArray()) {
                    skipped[0]++;
                    continue;
                }
                Optional<Item> item = oatutorItem(sid, problemText, step);
                if (item.isEmpty()) {
                    skipped[0]++;
                    continue;
                }
                String answer = item.get().type() == AnswerType.CHOICE ? choiceText(item.get()) : item.get().primaryAnswer();
                for (JsonNode hint : pathway) {
                    String text = Latex.toPlain(hint.path("text").asText(""));
                    if (text.isBlank()) continue;
                    boolean contains = Verbatim.contains(text, answer);
                    cases.add(new GuardCase(sid + "/" + hint.path("id").asText("?"), item.get(), text, List.of(),
                            hint.path("type").asText("hint"), contains, contains));
                }
            }
        }
        return cases;
    }

    /** The item the guard sees for an OATutor step, or empty when its answer cannot be read at all. */
    static Optional<Item> oatutorItem(String sid, String problemText, JsonNode step) {
        List<String> answers = new ArrayList<>();
        for (JsonNode a : step.path("stepAnswer")) {
            String plain = Latex.toPlain(a.asText(""));
            if (!plain.isBlank()) answers.add(plain);
        }
        if (answers.isEmpty()) return Optional.empty();
        String prompt = problemText + "\n" + Latex.toPlain(step.path("stepTitle").asText("")) + "\n"
                + Latex.toPlain(step.path("stepBody").asText(""));
        List<String> choices = new ArrayList<>();
        for (JsonNode c : step.path("choices")) choices.add(Latex.toPlain(c.asText("")));
        AnswerType type;
        if (step.path("problemType").asText("").equals("MultipleChoice") && choices.size() >= 2
                && AnswerSyntax.choiceIndex(answers.get(0), choices).isPresent()) {
            type = AnswerType.CHOICE;
        } else {
            choices = List.of();
            String a = answers.get(0);
            if (NumberValue.read(a).isPresent()) type = AnswerType.NUMBER;
            else if (Expressions.parse(a).isPresent()) type = AnswerType.EXPRESSION;
            else type = AnswerType.TEXT;
        }
        return Optional.of(new Item(sid, prompt, type, answers, choices, 0, List.of("oatutor"), List.of(), List.of()));
    }

    private static String choiceText(Item item) {
        return AnswerSyntax.choiceIndex(item.primaryAnswer(), item.choices()).map(item.choices()::get).orElse(item.primaryAnswer());
    }

    // --- MathDial ----------------------------------------------------------------------------------------------------

    /** Reads every teacher turn of MathDial's JSON-lines file as a case. Skipped dialogues are counted in {@code skipped[0]}. */
    static List<GuardCase> mathdial(Path file, int[] skipped) {
        return mathdial(file, skipped, true);
    }

    /**
     * As {@link #mathdial(Path, int[])}; with {@code learnerContext} false the guard is not told what the student said
     * (so repeating a number the student already gave counts as revealing it).
     */
    static List<GuardCase> mathdial(Path file, int[] skipped, boolean learnerContext) {
        List<GuardCase> cases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode d = JSON.readTree(line);
                String truth = d.path("ground_truth").asText("").strip();
                String answer = truth.substring(truth.lastIndexOf('\n') + 1).strip();
                if (NumberValue.read(answer).isEmpty()) {
                    skipped[0]++;
                    continue;
                }
                String question = d.path("question").asText("");
                Item item = new Item("mathdial-" + d.path("qid").asText(String.valueOf(lineNo)), question, AnswerType.NUMBER,
                        List.of(answer), List.of(), 0, List.of("mathdial"), List.of(), List.of());
                List<String> said = new ArrayList<>();
                said.add(d.path("student_incorrect_solution").asText(""));
                String[] turns = d.path("conversation").asText("").split("\\|EOM\\|");
                for (int t = 0; t < turns.length; t++) {
                    Matcher teacher = TEACHER.matcher(turns[t]);
                    if (teacher.matches()) {
                        String move = teacher.group(1).toLowerCase(java.util.Locale.ROOT);
                        String text = teacher.group(2).strip();
                        Boolean label = switch (move) {
                            case "telling" -> Boolean.TRUE;
                            case "focus", "probing" -> Boolean.FALSE;
                            default -> null;
                        };
                        cases.add(new GuardCase(item.id() + "#" + t, item, text, learnerContext ? List.copyOf(said) : List.of(), move, label,
                                Verbatim.contains(text, answer)));
                        continue;
                    }
                    Matcher student = STUDENT.matcher(turns[t]);
                    if (student.matches()) said.add(student.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    // --- running -----------------------------------------------------------------------------------------------------

    /** Runs the guard at the orient rung on every case and scores it; keeps up to {@code show} seeded examples of each error. */
    static Result run(String dataset, String label, List<GuardCase> cases, int skipped, int show, long seed) {
        LeakGuard guard = new LeakGuard();
        DetectorScore score = DetectorScore.empty();
        DetectorScore verbatim = DetectorScore.empty();
        Map<String, long[]> byGroup = new TreeMap<>();
        Sample fps = new Sample(show, new Random(seed));
        Sample fns = new Sample(show, new Random(seed + 1));
        Sample vfps = new Sample(show, new Random(seed + 2));
        Sample vfns = new Sample(show, new Random(seed + 3));
        long start = System.nanoTime();
        for (GuardCase c : cases) {
            LeakVerdict v = guard.check(c.item(), 1, c.message(), c.learnerSaid());
            boolean flagged = v.leaked();
            long[] g = byGroup.computeIfAbsent(c.group(), k -> new long[2]);
            g[0]++;
            if (flagged) g[1]++;
            verbatim = verbatim.add(flagged, c.mentions());
            String leak = v.first().map(l -> l.form().key() + " '" + l.text() + "'").orElse("");
            if (flagged && !c.mentions()) vfps.offer(new Example(c.id(), c.item().answers().toString(), c.message(), leak));
            if (!flagged && c.mentions()) vfns.offer(new Example(c.id(), c.item().answers().toString(), c.message(), leak));
            if (c.label() == null) continue;
            score = score.add(flagged, c.label());
            if (flagged && !c.label()) fps.offer(new Example(c.id(), c.item().answers().toString(), c.message(), leak));
            if (!flagged && c.label()) fns.offer(new Example(c.id(), c.item().answers().toString(), c.message(), leak));
        }
        long nanos = System.nanoTime() - start;
        return new Result(dataset, label, score, verbatim, byGroup, skipped, nanos, fps.items(), fns.items(), vfps.items(), vfns.items());
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** Reservoir sampling of at most {@code size} examples, seeded. */
    private static final class Sample {
        private final int size;
        private final Random random;
        private final List<Example> items = new ArrayList<>();
        private long seen;

        Sample(int size, Random random) {
            this.size = size;
            this.random = random;
        }

        void offer(Example e) {
            seen++;
            if (size <= 0) return;
            if (items.size() < size) {
                items.add(e);
            } else {
                long k = (long) (random.nextDouble() * seen);
                if (k < size) items.set((int) k, e);
            }
        }

        List<Example> items() {
            return List.copyOf(items);
        }
    }
}
