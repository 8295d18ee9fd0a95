package org.tutorgraph.pack;

import com.ezylang.evalex.Expression;
import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.answer.Expressions;
import org.tutorgraph.answer.Numbers;
import org.tutorgraph.graph.Item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately conservative test-side detector of an answer in hint text: the authoring safety net for the bundled
 * course (the product's own leak guard lives with the tutor). It looks for a value in every cheap form: number tokens
 * compared by size (so {@code 3/4}, {@code 0.75}, {@code 75%} and {@code -0.75} all match 0.75, and the bare digits
 * inside {@code 3/4} are tokens too), number words, arithmetic and algebraic expressions equal to it (each side of a
 * math run as written, algebra compared by value at fixed sample points), phrases (a choice's text, a text answer,
 * ignoring case and the spacing around symbols) and a choice named by its letter.
 *
 * <p>Cost: linear in the text's length plus one expression evaluation per side of each math run (a side is at most
 * {@value #MAX_SPAN_TOKENS} tokens; longer ones are skipped), times the number of answer forms.
 */
final class LeakProbe {

    static final int MAX_SPAN_TOKENS = 24;
    private static final double EPS = 1e-9;
    private static final double[][] SAMPLE_POINTS = {{1.37, -2.21, 0.53}, {-0.71, 3.19, 2.47}, {2.93, 0.37, -1.61}};
    private static final Pattern NUMBER_TOKEN = Pattern.compile(
            "\\d+\\s+\\d+\\s*/\\s*\\d+|\\d*\\.?\\d+\\s*/\\s*\\d*\\.?\\d+|\\d*\\.?\\d+(?:\\s*%)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d*\\.?\\d+");
    private static final Pattern MATH_TOKEN = Pattern.compile("\\d*\\.?\\d+|[A-Za-z]+|[-+*/^()=<>\u00d7\u00b7\u2212\u00f7\u2264\u2265]|\\s+|.");
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final Map<Double, List<String>> FRACTION_WORDS = Map.of(
            0.5, List.of("half", "one half"),
            0.25, List.of("quarter", "one fourth"),
            0.75, List.of("three quarters", "three fourths"),
            1.0 / 3, List.of("one third"),
            2.0 / 3, List.of("two thirds"));

    // The forms that must not show.
    private final Set<Double> sizes = new LinkedHashSet<>();
    private final Set<Double> signedValues = new LinkedHashSet<>();
    private final Set<String> words = new LinkedHashSet<>();
    private final Set<String> phrases = new LinkedHashSet<>();
    private final List<ExpressionForm> expressions = new ArrayList<>();
    private Character choiceLetter;

    private record ExpressionForm(String text, Set<String> variables, double[] values) {
    }

    private LeakProbe() {
    }

    /** Every form of {@code item}'s accepted answers. */
    static LeakProbe forAnswer(Item item) {
        LeakProbe p = new LeakProbe();
        switch (item.type()) {
            case NUMBER -> {
                boolean percent = item.answers().stream().anyMatch(Numbers::isPercent);
                for (String a : item.answers()) {
                    double v = Numbers.parse(a).orElseThrow();
                    p.addNumber(v);
                    if (percent) p.addNumber(v * 100);
                }
            }
            case EXPRESSION -> item.answers().forEach(p::addExpressionOrPhrase);
            case CHOICE -> {
                for (String a : item.answers()) {
                    int i = AnswerSyntax.choiceIndex(a, item.choices()).orElseThrow();
                    p.choiceLetter = AnswerSyntax.letter(i).charAt(0);
                    p.addValueForm(item.choices().get(i), false);
                }
            }
            case TEXT -> item.answers().forEach(a -> p.addValueForm(a, true));
        }
        return p;
    }

    /** Every form of one value written as a string: a number, an expression or a phrase (a scaffold's own answer). */
    static LeakProbe forValue(String value) {
        LeakProbe p = new LeakProbe();
        p.addValueForm(value, true);
        return p;
    }

    /**
     * @param numbersInside whether the numbers inside a phrase give it away too: they do for "x > 7" or "5:7", not for a
     *                      choice such as "(4 + 6) × 2 - 1", whose numbers are the problem's own
     */
    private void addValueForm(String value, boolean numbersInside) {
        OptionalDouble n = Numbers.parse(value);
        if (n.isPresent()) {
            addNumber(n.getAsDouble());
            return;
        }
        if (addExpressionOrPhrase(value) || !numbersInside) return;
        Matcher m = PLAIN_NUMBER.matcher(value);
        while (m.find()) addNumber(Double.parseDouble(m.group()));
    }

    private void addNumber(double v) {
        sizes.add(Math.abs(v));
        signedValues.add(v);
        double size = Math.abs(v);
        if (size == Math.rint(size) && size < 100) {
            int i = (int) size;
            if (i <= 20) {
                words.add(UNITS[i]);
            } else if (i % 10 == 0) {
                words.add(TENS[i / 10]);
            } else {
                words.add(TENS[i / 10] + "-" + UNITS[i % 10]);
                words.add(TENS[i / 10] + " " + UNITS[i % 10]);
            }
        }
        FRACTION_WORDS.forEach((f, ws) -> {
            if (Math.abs(f - size) < EPS) words.addAll(ws);
        });
    }

    /** Adds {@code text} as a phrase and, when it is an expression in one-letter variables, by value; true for the latter. */
    private boolean addExpressionOrPhrase(String text) {
        phrases.add(text);
        String side = text;
        int eq = text.indexOf('=');
        if (eq >= 0 && text.substring(0, eq).strip().matches("[A-Za-z]")) side = text.substring(eq + 1);
        if (side.contains("=") || side.contains("<") || side.contains(">") || Expressions.syntaxError(side).isPresent()) return false;
        Set<String> vars = Expressions.variables(side);
        if (vars.isEmpty() || !vars.stream().allMatch(v -> v.length() == 1)) return false;
        double[] values = evaluateAtSamples(side, vars);
        if (values == null) return false;
        expressions.add(new ExpressionForm(side.strip(), vars, values));
        return true;
    }

    /** What of the forbidden forms {@code text} contains, one description per finding; empty when it is clean. */
    List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        String t = text.replace('\u2212', '-');
        if (!sizes.isEmpty()) {
            Matcher m = NUMBER_TOKEN.matcher(t);
            while (m.find()) {
                OptionalDouble v = Numbers.parse(m.group());
                if (v.isPresent() && matchesSize(v.getAsDouble())) found.add("number '" + m.group().strip() + "'");
            }
            m = PLAIN_NUMBER.matcher(t);
            while (m.find()) {
                if (matchesSize(Double.parseDouble(m.group()))) found.add("digits '" + m.group() + "'");
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(lower).find()) found.add("number word '" + w + "'");
        }
        for (String phrase : phrases) {
            if (containsPhrase(lower, phrase.toLowerCase(Locale.ROOT))) found.add("text '" + phrase + "'");
        }
        if (choiceLetter != null) {
            String l = Pattern.quote(String.valueOf(choiceLetter));
            Pattern letter = Pattern.compile("(?i:\\b(?:choice|option|answer|letter)\\s*)\\(?" + l + "\\)?(?![A-Za-z])"
                    + "|\\(" + l + "\\)|(?<![A-Za-z(])" + l + "\\)");
            if (letter.matcher(t).find()) found.add("choice letter " + choiceLetter);
        }
        if (!expressions.isEmpty() || !signedValues.isEmpty()) found.addAll(mathSpans(t));
        return found;
    }

    private boolean matchesSize(double v) {
        for (double s : sizes) if (Math.abs(Math.abs(v) - s) < EPS * Math.max(1, s)) return true;
        return false;
    }

    /** Phrase containment, ignoring case and the spacing around symbols, not inside a longer word or number. */
    private static boolean containsPhrase(String text, String phrase) {
        String p = tighten(phrase);
        return !p.isEmpty() && containsBounded(tighten(text), p);
    }

    /** "y  >  4" and "2 : 3" become "y>4" and "2:3"; spaces between words stay (single). */
    private static String tighten(String s) {
        return s.strip().replaceAll("\\s+", " ").replaceAll(" ?([^\\p{Alnum} ]) ?", "$1");
    }

    private static boolean containsBounded(String text, String needle) {
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            int end = i + needle.length();
            boolean startOk = !Character.isLetterOrDigit(needle.charAt(0)) || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = !Character.isLetterOrDigit(needle.charAt(needle.length() - 1)) || end == text.length()
                    || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) return true;
        }
        return false;
    }

    /**
     * Runs of math tokens (numbers, operators, the answer's variables); every contiguous sub-run that parses is
     * evaluated and compared with the answer by value.
     */
    private List<String> mathSpans(String text) {
        Set<String> vars = new LinkedHashSet<>();
        expressions.forEach(e -> vars.addAll(e.variables()));
        List<String> found = new ArrayList<>();
        List<int[]> span = new ArrayList<>();
        Matcher m = MATH_TOKEN.matcher(text);
        while (m.find()) {
            String tok = m.group();
            boolean math = tok.isBlank() || Character.isDigit(tok.charAt(tok.length() - 1)) || vars.contains(tok)
                    || (tok.length() == 1 && "-+*/^()=<>\u00d7\u00b7\u2212\u00f7\u2264\u2265".indexOf(tok.charAt(0)) >= 0);
            if (math) {
                if (!tok.isBlank()) span.add(new int[]{m.start(), m.end()});
            } else {
                checkSpan(text, span, found);
                span.clear();
            }
        }
        checkSpan(text, span, found);
        return found;
    }

    /**
     * Evaluates each side of a math run (split at = &lt; &gt; ≤ ≥), as written: the expressions a reader sees. Parts of
     * a side are not tried, since "3 + 8" inside "-3 + 8" is not what the text says.
     */
    private void checkSpan(String text, List<int[]> tokens, List<String> found) {
        int from = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean cut = i == tokens.size() || "=<>\u2264\u2265".contains(text.substring(tokens.get(i)[0], tokens.get(i)[1]));
            if (!cut) continue;
            if (i - from >= 2 && i - from <= MAX_SPAN_TOKENS) checkSide(text.substring(tokens.get(from)[0], tokens.get(i - 1)[1]), found);
            from = i + 1;
        }
    }

    private void checkSide(String side, List<String> found) {
        if (Expressions.syntaxError(side).isPresent()) return;
        Set<String> v = Expressions.variables(side);
        if (v.isEmpty()) {
            Double value = evaluate(side, Map.of());
            if (value == null) return;
            for (double s : signedValues) {
                if (Math.abs(value - s) < EPS * Math.max(1, Math.abs(s))) found.add("arithmetic '" + side.strip() + "'");
            }
        } else {
            for (ExpressionForm e : expressions) {
                if (!e.variables().equals(v)) continue;
                double[] values = evaluateAtSamples(side, v);
                if (values != null && sameValues(values, e.values())) found.add("expression '" + side.strip() + "' equal to " + e.text());
            }
        }
    }

    static double[] evaluateAtSamples(String expression, Set<String> variables) {
        double[] out = new double[SAMPLE_POINTS.length];
        List<String> names = new ArrayList<>(variables);
        for (int p = 0; p < SAMPLE_POINTS.length; p++) {
            Map<String, BigDecimal> bindings = new TreeMap<>();
            for (int k = 0; k < names.size(); k++) {
                bindings.put(names.get(k), BigDecimal.valueOf(SAMPLE_POINTS[p][k % SAMPLE_POINTS[p].length] + k * 0.11));
            }
            Double v = evaluate(expression, bindings);
            if (v == null) return null;
            out[p] = v;
        }
        return out;
    }

    static boolean sameValues(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-7 * Math.max(1, Math.abs(b[i]))) return false;
        }
        return true;
    }

    /** The value of an expression under {@code bindings}, or null when it does not evaluate to a number. */
    static Double evaluate(String expression, Map<String, BigDecimal> bindings) {
        try {
            Expression e = new Expression(Expressions.normalise(expression), Expressions.CONFIG);
            for (var b : bindings.entrySet()) e = e.with(b.getKey(), b.getValue());
            var result = e.evaluate();
            return result.isNumberValue() ? result.getNumberValue().doubleValue() : null;
        } catch (Exception ex) {
            return null;
        }
    }
}
