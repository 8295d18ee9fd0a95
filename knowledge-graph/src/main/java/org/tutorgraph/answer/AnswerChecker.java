package org.tutorgraph.answer;

import org.tutorgraph.answer.CheckResult.Ambiguity;
import org.tutorgraph.answer.CheckResult.Ambiguous;
import org.tutorgraph.answer.CheckResult.Correct;
import org.tutorgraph.answer.CheckResult.Incorrect;
import org.tutorgraph.answer.CheckResult.Shortfall;
import org.tutorgraph.answer.CheckResult.Unreadable;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Grades a learner's attempt at an item deterministically, without a model. The rules, per answer type:
 *
 * <ul>
 *   <li><b>Number</b>: compared by value. Accepted forms: integers, decimals, fractions (unreduced too: {@code 6/8}
 *       is {@code 3/4}), mixed numbers ({@code 1 1/2}), percents, number words ({@code twenty-one},
 *       {@code one half}, see {@link NumberWords}), thousands separators ({@code 1,200}), a leading
 *       {@code x =}, a currency sign and a trailing unit word ({@code $500}, {@code 10 spoons}). A percent is its
 *       value: {@code 50%} matches {@code 0.5} and {@code 1/2}; when the key itself is a percent ({@code 40%}), the
 *       bare number ({@code 40}) matches too. Tolerance: the item's absolute tolerance when set; otherwise exact up to
 *       rounding noise, and a decimal of at least two places that is the key correctly rounded ({@code 0.33},
 *       {@code 0.333}, {@code 33%} for {@code 1/3}; a short terminating key such as {@code 0.375} must be exact).
 *       Arithmetic left undone ({@code 12 - 7} for 5) is
 *       {@link Shortfall#UNFINISHED}.</li>
 *   <li><b>Expression</b>: compared by value at seeded random points ({@link Equivalence}); equations by
 *       proportional sides. A key solved for a variable ({@code x = 2}, {@code y = 2x + 3}) also accepts its solution
 *       side alone ({@code 2}, {@code 2x + 3}), and an expression key accepts {@code y = …} / {@code f(x) = …} around
 *       it. An equivalent equation not solved for the key's variable ({@code 2x = 4}), and a copy of an expression in
 *       the prompt ({@code 4(x+3)} for "Multiply 4(x+3)"), are {@link Shortfall#UNFINISHED}.</li>
 *   <li><b>Choice</b>: by letter ({@code b}, {@code B}, {@code (B)}, {@code B)}, {@code option b}), by the choice's
 *       text (normalised), or by value when the choices are numbers or expressions ({@code 0.5} picks {@code 1/2}).</li>
 *   <li><b>Text</b>: equal after {@link TextAnswers#normalise} (case, punctuation, spaces, a leading article), with
 *       one typo allowed from 5 characters and two from 12, never in the first letter.</li>
 * </ul>
 * A wrong answer equal (by the same rules) to one of a misconception's wrong answers is {@link Incorrect} with that
 * misconception. Several answers ({@code 5 or 6}), no answer ({@code idk}) and undecidable comparisons are
 * {@link Ambiguous}; an attempt that is not of the item's type is {@link Unreadable}. When an item's key itself lists
 * several answers ({@code 3, -4}), the attempt must list the same ones, in any order.
 *
 * <p>Stateless and thread-safe. Cost: a number is O(n); an expression costs a few EvalEx evaluations
 * ({@value Equivalence#POINTS} points) per accepted answer and misconception.
 */
public final class AnswerChecker {

    public AnswerChecker() {
    }

    /** Grades {@code attempt} against {@code item}'s accepted answers and misconceptions. */
    public CheckResult check(Item item, String attempt) {
        String raw = attempt == null ? "" : attempt;
        if (raw.length() > AttemptText.MAX_LENGTH) return new Unreadable("the answer is too long (more than " + AttemptText.MAX_LENGTH + " characters)");
        String text = AttemptText.clean(raw);
        if (AttemptText.isNonAnswer(text)) return new Ambiguous(Ambiguity.NO_ANSWER, "no answer given");
        Reader reader = reader(item);
        Read read = reader.read(text);
        if (read instanceof Read.Fail f) return f.result();
        Read.Ok ok = (Read.Ok) read;
        if (ok.values().size() > 1 && item.answers().stream().allMatch(k -> reader.read(AttemptText.clean(k)) instanceof Read.Ok r && r.values().size() == 1)) {
            return new Ambiguous(Ambiguity.SEVERAL_ANSWERS, "several answers given; give one");
        }
        boolean undecided = false;
        Shortfall shortfall = Shortfall.NONE;
        for (String key : item.answers()) {
            Match m = reader.compare(reader.read(AttemptText.clean(key)), ok, item);
            if (m == Match.SAME) return new Correct(key);
            if (m == Match.UNFINISHED) shortfall = Shortfall.UNFINISHED;
            if (m == Match.UNKNOWN) undecided = true;
        }
        if (shortfall == Shortfall.UNFINISHED) return new Incorrect(Optional.empty(), Shortfall.UNFINISHED);
        for (Misconception m : item.misconceptions()) {
            for (String wrong : m.wrongAnswers()) {
                if (reader.compare(reader.read(AttemptText.clean(wrong)), ok, item) == Match.SAME) return new Incorrect(Optional.of(m), Shortfall.NONE);
            }
        }
        if (undecided) return new Ambiguous(Ambiguity.UNDECIDED, "could not compare the expressions at enough points");
        if (item.type() == AnswerType.TEXT && offersAlternatives(item.primaryAnswer(), text)) {
            return new Ambiguous(Ambiguity.SEVERAL_ANSWERS, "several answers given; give one");
        }
        return Incorrect.plain();
    }

    /**
     * Whether two attempts at {@code item} give the same answer by the item's rules ({@code five} and {@code 5};
     * {@code 2(x+1)} and {@code 2x+2}). Used to tell a repeated wrong answer from a new one.
     */
    public boolean sameAnswer(Item item, String a, String b) {
        Reader reader = reader(item);
        Read ra = reader.read(AttemptText.clean(a));
        Read rb = reader.read(AttemptText.clean(b));
        if (ra instanceof Read.Ok oa && rb instanceof Read.Ok ob) return reader.compare(ra, ob, null) == Match.SAME || reader.compare(rb, oa, null) == Match.SAME;
        return TextAnswers.normalise(a).equals(TextAnswers.normalise(b));
    }

    private Reader reader(Item item) {
        return switch (item.type()) {
            case NUMBER -> new NumberReader(item.tolerance());
            case EXPRESSION -> new ExpressionReader();
            case CHOICE -> new ChoiceReader(item.choices(), item.tolerance());
            case TEXT -> new TextReader();
        };
    }

    // ---------------------------------------------------------------------------------------------------------------

    private enum Match { SAME, UNFINISHED, DIFFERENT, UNKNOWN }

    /** An answer read for its item's type: one value, several values, or why it cannot be read. */
    private sealed interface Read {
        record Ok(List<Object> values, boolean unfinished) implements Read {
        }

        record Fail(CheckResult result) implements Read {
        }
    }

    private interface Reader {
        Read read(String cleaned);

        /** Compares a key (read the same way) with an attempt. */
        default Match compare(Read key, Read.Ok attempt, Item item) {
            if (!(key instanceof Read.Ok k)) return Match.DIFFERENT;
            if (k.values().size() != attempt.values().size()) return Match.DIFFERENT;
            if (k.values().size() == 1) {
                Match m = same(k.values().get(0), attempt.values().get(0), item);
                if (m == Match.SAME && attempt.unfinished() && !k.unfinished()) return Match.UNFINISHED;
                return m;
            }
            // several: every attempt part matches a distinct key part
            boolean[] used = new boolean[k.values().size()];
            boolean unknown = false;
            for (Object a : attempt.values()) {
                boolean found = false;
                for (int i = 0; i < used.length && !found; i++) {
                    if (used[i]) continue;
                    Match m = same(k.values().get(i), a, item);
                    if (m == Match.SAME) {
                        used[i] = true;
                        found = true;
                    } else if (m == Match.UNKNOWN) {
                        unknown = true;
                    }
                }
                if (!found) return unknown ? Match.UNKNOWN : Match.DIFFERENT;
            }
            return Match.SAME;
        }

        Match same(Object key, Object attempt, Item item);
    }

    // --- numbers ---------------------------------------------------------------------------------------------------

    private static final class NumberReader implements Reader {
        private final double tolerance;

        NumberReader(double tolerance) {
            this.tolerance = tolerance;
        }

        @Override
        public Read read(String text) {
            Optional<NumberValue> single = NumberValue.read(text);
            if (single.isPresent()) return new Read.Ok(List.of(single.get()), false);
            List<String> parts = AttemptText.parts(text);
            if (parts.size() > 1) {
                List<Object> values = new ArrayList<>();
                for (String p : parts) {
                    Optional<NumberValue> n = NumberValue.read(p);
                    if (n.isEmpty()) return new Read.Fail(new Unreadable("could not read '" + p + "' as a number"));
                    values.add(n.get());
                }
                return new Read.Ok(values, false);
            }
            // arithmetic left undone: 12 - 7
            Optional<MathForm> form = Expressions.parse(NumberValue.stripVariablePrefix(text));
            if (form.isPresent() && form.get() instanceof MathForm.Expr e) {
                if (e.isConstant()) {
                    Optional<Double> v = e.constantValue();
                    if (v.isPresent()) return new Read.Ok(List.of(new NumberValue(v.get(), false, -1)), true);
                } else {
                    return new Read.Fail(new Unreadable("expected a number, not an expression with " + String.join(", ", e.variables())));
                }
            }
            List<NumberScanner.Mention> mentions = NumberScanner.scan(text);
            if (mentions.size() > 1) return new Read.Fail(new Ambiguous(Ambiguity.SEVERAL_ANSWERS, "several numbers: " + describe(mentions)));
            return new Read.Fail(new Unreadable("could not read a number"));
        }

        @Override
        public Match same(Object key, Object attempt, Item item) {
            NumberValue k = (NumberValue) key;
            NumberValue a = (NumberValue) attempt;
            return NumberValue.matches(k, a, tolerance) ? Match.SAME : Match.DIFFERENT;
        }
    }

    private static String describe(List<NumberScanner.Mention> mentions) {
        List<String> texts = new ArrayList<>();
        for (NumberScanner.Mention m : mentions) texts.add(m.text());
        return String.join(", ", texts);
    }

    // --- expressions -----------------------------------------------------------------------------------------------

    private static final class ExpressionReader implements Reader {
        @Override
        public Read read(String text) {
            List<String> parts = AttemptText.parts(text);
            List<Object> forms = new ArrayList<>();
            for (String p : parts) {
                Optional<MathForm> f = Expressions.parse(p);
                if (f.isEmpty()) {
                    if (parts.size() > 1) break;
                    return new Read.Fail(new Unreadable("could not read that as an expression"));
                }
                forms.add(f.get());
            }
            if (forms.size() != parts.size()) {
                // "x + 1, I think" style leftovers: read the whole as one expression or give up
                Optional<MathForm> whole = Expressions.parse(text);
                if (whole.isPresent()) return new Read.Ok(List.of(whole.get()), false);
                return new Read.Fail(new Unreadable("could not read that as an expression"));
            }
            return new Read.Ok(forms, false);
        }

        @Override
        public Match compare(Read key, Read.Ok attempt, Item item) {
            if (key instanceof Read.Ok k && k.values().size() == 1 && attempt.values().size() > 1) {
                return Match.DIFFERENT;
            }
            Match m = Reader.super.compare(key, attempt, item);
            if (m == Match.SAME && item != null && attempt.values().size() == 1 && key instanceof Read.Ok k
                    && copiesPrompt((MathForm) attempt.values().get(0), (MathForm) k.values().get(0), item.prompt())) {
                return Match.UNFINISHED;
            }
            return m;
        }

        @Override
        public Match same(Object key, Object attempt, Item item) {
            return formsMatch((MathForm) key, (MathForm) attempt);
        }
    }

    /** Compares a key form with an attempt form (rules in the class comment). */
    static Match formsMatch(MathForm key, MathForm attempt) {
        if (key instanceof MathForm.Expr k && attempt instanceof MathForm.Expr a) {
            return of(Equivalence.expressions(k, a));
        }
        if (key instanceof MathForm.Equation k && attempt instanceof MathForm.Equation a) {
            Match m = of(Equivalence.equations(k, a));
            if (m == Match.SAME && k.solvedFor().isPresent() && !k.solvedFor().equals(a.solvedFor())) {
                // x = 2 asked, 2x = 4 given; but 2 = x is fine (solvedFor is symmetric)
                return Match.UNFINISHED;
            }
            return m;
        }
        if (key instanceof MathForm.Expr k && attempt instanceof MathForm.Equation a) {
            Optional<String> v = a.solvedFor();
            if (v.isPresent() && !k.variables().contains(v.get())) return of(Equivalence.expressions(k, a.solution().orElseThrow()));
            // f(x) = 2x + 3 for the expression 2x + 3
            if (a.left().source().replace(" ", "").matches("[A-Za-z]\\([A-Za-z]\\)")) return of(Equivalence.expressions(k, a.right()));
            return Match.DIFFERENT;
        }
        if (key instanceof MathForm.Equation k && attempt instanceof MathForm.Expr a) {
            Optional<MathForm.Expr> side = k.solution();
            if (side.isPresent() && !a.variables().contains(k.solvedFor().orElseThrow())) return of(Equivalence.expressions(side.get(), a));
            return Match.DIFFERENT;
        }
        return Match.DIFFERENT;
    }

    private static Match of(Equivalence.Verdict v) {
        return switch (v) {
            case SAME -> Match.SAME;
            case DIFFERENT -> Match.DIFFERENT;
            case UNKNOWN -> Match.UNKNOWN;
        };
    }

    /** Whether the attempt is written exactly as in the prompt while the key is not (the learner copied the question). */
    static boolean copiesPrompt(MathForm attempt, MathForm key, String prompt) {
        String a = squash(attempt.source());
        if (a.length() < 3) return false;
        String p = squash(prompt);
        return p.contains(a) && !p.contains(squash(key.source()));
    }

    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replace('\u2212', '-').replace('\u00d7', '*').replace('\u00b7', '*');
    }

    // --- choices ---------------------------------------------------------------------------------------------------

    private static final class ChoiceReader implements Reader {
        private final List<String> choices;
        private final double tolerance;

        ChoiceReader(List<String> choices, double tolerance) {
            this.choices = choices;
            this.tolerance = tolerance;
        }

        @Override
        public Read read(String text) {
            String last = AnswerSyntax.letter(Math.max(choices.size(), 1) - 1);
            String t = text.strip().replaceFirst("(?i)^(?:option|choice|letter|answer)\\s+", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[(\\[]?([A-Za-z])[)\\].:]?$").matcher(t);
            if (m.matches()) {
                int i = Character.toUpperCase(m.group(1).charAt(0)) - 'A';
                if (i < choices.size()) return new Read.Ok(List.of(i), false);
                return new Read.Fail(new Unreadable("there is no choice " + m.group(1).toUpperCase(Locale.ROOT) + " (the choices go from A to " + last + ")"));
            }
            OptionalInt byText = byText(t);
            if (byText.isPresent()) return new Read.Ok(List.of(byText.getAsInt()), false);
            List<String> parts = AttemptText.parts(t);
            if (parts.size() > 1 || t.matches("(?i)^[(\\[]?[a-z][)\\].]?(\\s+[(\\[]?[a-z][)\\].]?)+$")) {
                return new Read.Fail(new Ambiguous(Ambiguity.SEVERAL_ANSWERS, "several choices named: " + text));
            }
            return new Read.Fail(new Unreadable("that names none of the choices"));
        }

        /** The choice whose text the attempt is (normalised), or whose number or expression it equals. */
        private OptionalInt byText(String t) {
            String norm = TextAnswers.normalise(t);
            for (int i = 0; i < choices.size(); i++) {
                if (TextAnswers.normalise(choices.get(i)).equals(norm)) return OptionalInt.of(i);
            }
            Optional<NumberValue> n = NumberValue.read(t);
            Optional<MathForm> f = n.isPresent() ? Optional.empty() : Expressions.parse(t);
            int found = -1;
            for (int i = 0; i < choices.size(); i++) {
                boolean hit = false;
                if (n.isPresent()) {
                    Optional<NumberValue> c = NumberValue.read(choices.get(i));
                    hit = c.isPresent() && NumberValue.matches(c.get(), n.get(), tolerance);
                } else if (f.isPresent() && !f.get().variables().isEmpty()) {
                    Optional<MathForm> c = Expressions.parse(choices.get(i));
                    hit = c.isPresent() && formsMatch(c.get(), f.get()) == Match.SAME;
                }
                if (hit) {
                    if (found >= 0) return OptionalInt.empty();
                    found = i;
                }
            }
            return found >= 0 ? OptionalInt.of(found) : OptionalInt.empty();
        }

        @Override
        public Match same(Object key, Object attempt, Item item) {
            return key.equals(attempt) ? Match.SAME : Match.DIFFERENT;
        }
    }

    // --- text ------------------------------------------------------------------------------------------------------

    private static final class TextReader implements Reader {
        @Override
        public Read read(String text) {
            if (TextAnswers.normalise(text).isEmpty()) return new Read.Fail(new Unreadable("no words to read"));
            return new Read.Ok(List.of(text), false);
        }

        @Override
        public Match compare(Read key, Read.Ok attempt, Item item) {
            if (!(key instanceof Read.Ok k)) return Match.DIFFERENT;
            String a = (String) attempt.values().get(0);
            String kt = (String) k.values().get(0);
            if (TextAnswers.matches(kt, a)) return Match.SAME;
            return Match.DIFFERENT;
        }

        @Override
        public Match same(Object key, Object attempt, Item item) {
            return TextAnswers.matches((String) key, (String) attempt) ? Match.SAME : Match.DIFFERENT;
        }
    }

    /** For text items: whether the attempt offers alternatives ({@code x or y}) the key does not. */
    static boolean offersAlternatives(String key, String attempt) {
        return attempt.matches("(?i).*\\bor\\b.*") && !key.matches("(?i).*\\bor\\b.*");
    }
}
