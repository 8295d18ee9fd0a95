package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.tutorgraph.answer.Expressions;
import org.tutorgraph.answer.Numbers;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled algebra course is real content: it validates, it is big enough, every concept has items, every item has
 * a complete authored ladder whose lower rungs keep the answer back, and every numeric or algebraic answer agrees with
 * an independent recomputation ({@code bundled-answer-checks.txt}). Failures list every offending item at once, so
 * an author fixes a batch per run.
 */
class BundledCourseContentTest {

    private static final CoursePack COURSE = BundledCourse.load();
    private static final List<Rung> LADDER = List.of(Rung.ORIENT, Rung.PROBE, Rung.SCAFFOLD, Rung.BOTTOM_OUT);
    private static final String CHECKS = "/org/tutorgraph/pack/bundled-answer-checks.txt";

    @Test
    void bundledCourseValidatesWithoutProblems() {
        assertThat(CoursePackLoader.validate(BundledCourse.folder())).isEmpty();
        assertThat(COURSE.meta().id()).isEqualTo("algebra");
    }

    @Test
    void hasAtLeastThirtyConceptsEachDescribedSizedAndPlaced() {
        List<Concept> concepts = COURSE.graph().concepts();
        assertThat(concepts).hasSizeGreaterThanOrEqualTo(30);
        List<String> problems = new ArrayList<>();
        for (Concept c : concepts) {
            long sentences = Pattern.compile("[.!?](\\s|$)").matcher(c.description().strip()).results().count();
            if (sentences < 2) problems.add(c.id() + ": description needs two or more sentences");
            if (c.name().equals(c.id())) problems.add(c.id() + ": no name");
            if (c.area().isBlank()) problems.add(c.id() + ": no area");
            if (c.learningMinutes() < 10 || c.learningMinutes() > 90) problems.add(c.id() + ": minutes " + c.learningMinutes());
        }
        assertThat(problems).isEmpty();
        assertThat(concepts.stream().map(Concept::area).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void graphHasRequiresAnyOfGroupsAndSupportsWithOneEntryPoint() {
        CourseGraph g = COURSE.graph();
        assertThat(g.requiresLinks()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(g.anyOfGroups()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(g.supportsLinks()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(g.topologicalOrder()).hasSize(g.size());
        List<String> roots = g.concepts().stream().map(Concept::id)
                .filter(id -> g.prerequisiteParents(id).isEmpty()).toList();
        assertThat(roots).containsExactly("integer-addition");
    }

    @Test
    void everySupportsEdgeComesFromAConceptThatIsNotAlreadyRequired() {
        // A supporter that is a hard prerequisite (directly or through requires chains) is always mastered first,
        // so the edge would never lower a cost: it is an authoring slip.
        CourseGraph g = COURSE.graph();
        List<String> redundant = new ArrayList<>();
        for (var s : g.supportsLinks()) {
            if (requiresClosure(g, s.concept()).contains(s.supporter())) redundant.add(s.toString());
        }
        assertThat(redundant).isEmpty();
    }

    private static Set<String> requiresClosure(CourseGraph g, String id) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(g.requires(id));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (seen.add(c)) todo.addAll(g.requires(c));
        }
        return seen;
    }

    @Test
    void everyConceptHasAtLeastThreeItems() {
        Map<String, Integer> thin = new LinkedHashMap<>();
        for (Concept c : COURSE.graph().concepts()) {
            int n = COURSE.itemsFor(c.id()).size();
            if (n < 3) thin.put(c.id(), n);
        }
        assertThat(thin).isEmpty();
        assertThat(COURSE.items()).hasSizeGreaterThanOrEqualTo(3 * COURSE.graph().size());
    }

    @Test
    void itemsMixEveryAnswerType() {
        Set<AnswerType> types = COURSE.items().stream().map(Item::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AnswerType.class)));
        assertThat(types).containsExactlyInAnyOrder(AnswerType.values());
        assertThat(COURSE.items().stream().filter(i -> !i.misconceptions().isEmpty()).count())
                .isGreaterThanOrEqualTo(COURSE.items().size() / 2);
    }

    @Test
    void everyLadderRunsOrientProbeScaffoldBottomOut() {
        List<String> wrong = COURSE.items().stream()
                .filter(i -> !i.ladder().stream().map(HintRung::rung).toList().equals(LADDER))
                .map(i -> i.id() + ": " + i.ladder().stream().map(r -> r.rung().key()).toList())
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyScaffoldHasADistinctiveAnswerOfItsOwn() {
        List<String> problems = new ArrayList<>();
        for (Item item : COURSE.items()) {
            HintRung scaffold = rung(item, Rung.SCAFFOLD);
            String a = scaffold.answer();
            if (a == null || a.isBlank()) {
                problems.add(item.id() + ": scaffold has no answer");
                continue;
            }
            OptionalDouble v = Numbers.parse(a);
            if (v.isPresent() && (v.getAsDouble() == 0 || Math.abs(v.getAsDouble()) == 1)) {
                problems.add(item.id() + ": scaffold answer " + a + " is too common a number to guard");
            }
            List<String> inPrompt = LeakProbe.forValue(a).findIn(item.prompt());
            if (!inPrompt.isEmpty()) problems.add(item.id() + ": scaffold answer " + a + " appears in the prompt " + inPrompt);
            List<String> isAnswer = LeakProbe.forAnswer(item).findIn(a);
            if (!isAnswer.isEmpty()) problems.add(item.id() + ": scaffold answer " + a + " gives away the item's answer " + isAnswer);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void lowerRungsAndMisconceptionProbesNeverRevealTheAnswer() {
        List<String> leaks = new ArrayList<>();
        for (Item item : COURSE.items()) {
            LeakProbe answer = LeakProbe.forAnswer(item);
            for (HintRung r : item.ladder()) {
                if (r.rung() == Rung.BOTTOM_OUT) continue;
                List<String> found = answer.findIn(r.text());
                if (!found.isEmpty()) leaks.add(item.id() + " " + r.rung().key() + ": " + found + " in \"" + r.text() + "\"");
            }
            for (Misconception m : item.misconceptions()) {
                List<String> found = answer.findIn(m.probe());
                if (!found.isEmpty()) leaks.add(item.id() + " misconception " + m.id() + ": " + found + " in \"" + m.probe() + "\"");
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void orientProbeAndMisconceptionProbesNeverRevealTheScaffoldAnswer() {
        List<String> leaks = new ArrayList<>();
        for (Item item : COURSE.items()) {
            String scaffoldAnswer = rung(item, Rung.SCAFFOLD).answer();
            if (scaffoldAnswer == null) continue;
            LeakProbe probe = LeakProbe.forValue(scaffoldAnswer);
            List<String> texts = new ArrayList<>();
            texts.add(rung(item, Rung.ORIENT).text());
            texts.add(rung(item, Rung.PROBE).text());
            item.misconceptions().forEach(m -> texts.add(m.probe()));
            for (String t : texts) {
                List<String> found = probe.findIn(t);
                if (!found.isEmpty()) leaks.add(item.id() + ": scaffold answer " + scaffoldAnswer + " shows as " + found + " in \"" + t + "\"");
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void bottomOutStatesTheAnswer() {
        List<String> silent = COURSE.items().stream()
                .filter(i -> LeakProbe.forAnswer(i).findIn(rung(i, Rung.BOTTOM_OUT).text()).isEmpty())
                .map(Item::id)
                .toList();
        assertThat(silent).isEmpty();
    }

    @Test
    void misconceptionsHaveProbesAndWrongAnswersThatAreReallyWrong() {
        List<String> problems = new ArrayList<>();
        for (Item item : COURSE.items()) {
            for (Misconception m : item.misconceptions()) {
                if (m.probe().isBlank()) problems.add(item.id() + " " + m.id() + ": no probe");
                if (m.description().isBlank()) problems.add(item.id() + " " + m.id() + ": no description");
                if (m.wrongAnswers().isEmpty()) problems.add(item.id() + " " + m.id() + ": no wrong answers");
                for (String w : m.wrongAnswers()) {
                    if (accepts(item, w)) problems.add(item.id() + " " + m.id() + ": wrong answer '" + w + "' is accepted");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void answersAndScaffoldAnswersAgreeWithAnIndependentRecomputation() throws IOException {
        Map<String, String> checks = readChecks();
        List<String> problems = new ArrayList<>();
        for (Item item : COURSE.items()) {
            String check = checks.remove(item.id());
            if (check != null) {
                problems.addAll(verify(item.id(), answersToRecompute(item), check));
            } else if (item.type() == AnswerType.NUMBER || item.type() == AnswerType.EXPRESSION) {
                problems.add(item.id() + ": no recomputation in " + CHECKS);
            }
            String scaffold = rung(item, Rung.SCAFFOLD).answer();
            String scaffoldCheck = checks.remove(item.id() + "#scaffold");
            if (scaffoldCheck != null) {
                problems.addAll(verify(item.id() + "#scaffold", List.of(scaffold), scaffoldCheck));
            } else if (scaffold != null && (Numbers.parse(scaffold).isPresent() || isExpression(scaffold))) {
                problems.add(item.id() + "#scaffold: no recomputation of the scaffold answer " + scaffold + " in " + CHECKS);
            }
        }
        checks.keySet().forEach(id -> problems.add(id + ": checked but no such item"));
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static HintRung rung(Item item, Rung r) {
        return item.ladder().stream().filter(h -> h.rung() == r).findFirst()
                .orElseThrow(() -> new AssertionError(item.id() + " has no " + r.key() + " rung"));
    }

    /** Whether {@code answer} would be accepted, using the same comparisons as the recomputation. */
    private static boolean accepts(Item item, String answer) {
        for (String a : item.answers()) {
            switch (item.type()) {
                case NUMBER -> {
                    OptionalDouble w = Numbers.parse(answer);
                    if (w.isPresent() && Math.abs(w.getAsDouble() - Numbers.parse(a).orElseThrow()) <= Math.max(item.tolerance(), 1e-9)) {
                        return true;
                    }
                }
                case EXPRESSION -> {
                    if (equivalent(sideOf(a), sideOf(answer))) return true;
                }
                case CHOICE -> {
                    if (org.tutorgraph.answer.AnswerSyntax.choiceIndex(answer, item.choices())
                            .equals(org.tutorgraph.answer.AnswerSyntax.choiceIndex(a, item.choices()))) return true;
                }
                case TEXT -> {
                    if (norm(a).equals(norm(answer))) return true;
                }
            }
        }
        return false;
    }

    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    }

    /** "y = 2x + 3" → "2x + 3": an answer given as "variable = expression" is compared by its right side. */
    private static String sideOf(String answer) {
        Matcher m = Pattern.compile("^\\s*[A-Za-z]\\s*=(.*)$").matcher(answer);
        return m.matches() ? m.group(1).strip() : answer.strip();
    }

    private static boolean equivalent(String a, String b) {
        Set<String> vars = Expressions.variables(a);
        if (!vars.equals(Expressions.variables(b))) return false;
        double[] va = LeakProbe.evaluateAtSamples(a, vars);
        double[] vb = LeakProbe.evaluateAtSamples(b, vars);
        return va != null && vb != null && LeakProbe.sameValues(va, vb);
    }

    private static Map<String, String> readChecks() throws IOException {
        Map<String, String> checks = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(BundledCourseContentTest.class.getResourceAsStream(CHECKS), CHECKS), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.strip().startsWith("#")) continue;
                int bar = line.indexOf('|');
                String id = line.substring(0, bar).strip();
                if (checks.put(id, line.substring(bar + 1).strip()) != null) throw new AssertionError("two checks for " + id);
            }
        }
        return checks;
    }

    private static boolean isExpression(String s) {
        String side = sideOf(s);
        if (side.matches(".*[<>=].*") || Expressions.syntaxError(side).isPresent()) return false;
        Set<String> vars = Expressions.variables(side);
        return !vars.isEmpty() && vars.stream().allMatch(v -> v.length() == 1);
    }

    /**
     * Checks answers against one line of the checks file:
     * {@code value | EXPR} (every answer equals EXPR),
     * {@code satisfies | x=@, y=3 | EQ ; EQ} (with @ replaced by each answer, every equation holds),
     * {@code same | EXPR} (every answer, an expression, equals EXPR at sample points).
     */
    private static List<String> verify(String label, List<String> answers, String check) {
        List<String> problems = new ArrayList<>();
        String[] parts = check.split("\\|");
        String kind = parts[0].strip();
        if (answers.isEmpty()) return List.of(label + ": nothing to recompute");
        switch (kind) {
            case "value" -> {
                Double expected = LeakProbe.evaluate(parts[1].strip(), Map.of());
                if (expected == null) return List.of(label + ": check does not evaluate: " + parts[1]);
                for (String a : answers) {
                    // A number, or a constant expression such as a choice "(4 + 6) × 2 - 1".
                    Double v = Numbers.parse(a).isPresent() ? Double.valueOf(Numbers.parse(a).getAsDouble()) : LeakProbe.evaluate(a, Map.of());
                    if (v == null || Math.abs(v - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
                        problems.add(label + ": answer " + a + " but " + parts[1].strip() + " = " + expected);
                    }
                }
            }
            case "satisfies" -> {
                for (String a : answers) {
                    Map<String, BigDecimal> bindings = new LinkedHashMap<>();
                    for (String b : parts[1].split(",")) {
                        String[] kv = b.split("=");
                        String value = kv[1].strip().equals("@") ? a : kv[1].strip();
                        OptionalDouble v = numberIn(value);
                        if (v.isEmpty()) return List.of(label + ": '" + value + "' is not a number");
                        bindings.put(kv[0].strip(), BigDecimal.valueOf(v.getAsDouble()));
                    }
                    for (String eq : parts[2].split(";")) {
                        String[] sides = eq.split("=");
                        Double l = LeakProbe.evaluate(sides[0], bindings);
                        Double r = LeakProbe.evaluate(sides[1], bindings);
                        if (l == null || r == null || Math.abs(l - r) > 1e-9 * Math.max(1, Math.abs(r))) {
                            problems.add(label + ": " + bindings + " does not satisfy " + eq.strip() + " (" + l + " vs " + r + ")");
                        }
                    }
                }
            }
            case "same" -> {
                for (String a : answers) {
                    if (!equivalent(sideOf(a), parts[1].strip())) problems.add(label + ": answer " + a + " differs from " + parts[1].strip());
                }
            }
            default -> problems.add(label + ": unknown check kind '" + kind + "'");
        }
        return problems;
    }

    /**
     * The answers to recompute: a number or expression item's answers, the text of a choice item's correct choice, or a
     * text item's first answer.
     */
    private static List<String> answersToRecompute(Item item) {
        return switch (item.type()) {
            case NUMBER, EXPRESSION -> item.answers();
            case CHOICE -> item.answers().stream()
                    .map(a -> item.choices().get(org.tutorgraph.answer.AnswerSyntax.choiceIndex(a, item.choices()).orElseThrow()))
                    .toList();
            case TEXT -> List.of(item.primaryAnswer());
        };
    }

    /** The number an answer is, or the first number written in it ("x ≥ -3" → -3: an inequality's boundary). */
    private static OptionalDouble numberIn(String answer) {
        OptionalDouble v = Numbers.parse(answer);
        if (v.isPresent()) return v;
        Matcher m = Pattern.compile("-?\\d*\\.?\\d+").matcher(answer);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group())) : OptionalDouble.empty();
    }
}
