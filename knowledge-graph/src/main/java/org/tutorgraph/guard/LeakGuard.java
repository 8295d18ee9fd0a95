package org.tutorgraph.guard;

import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.answer.Equivalence;
import org.tutorgraph.answer.Expressions;
import org.tutorgraph.answer.MathForm;
import org.tutorgraph.answer.MathLexer;
import org.tutorgraph.answer.MathToken;
import org.tutorgraph.answer.MathToken.Kind;
import org.tutorgraph.answer.NumberScanner;
import org.tutorgraph.answer.NumberValue;
import org.tutorgraph.answer.TextAnswers;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer-leak guard (DESIGN §5): decides whether a tutor message, at a given rung of an item's hint ladder,
 * reveals an answer the learner has not earned yet. Used on every tutor message below bottom-out and by course
 * validation on the authored rungs.
 *
 * <p><b>What is protected</b> at rung r (0 = feedback on an attempt, 1–3 = orient, probe, scaffold): every accepted
 * answer of the item, and the answer of every authored rung above r (a scaffold's sub-answer must not appear on the
 * orient or probe rung). Nothing is protected at bottom-out.
 *
 * <p><b>Forms caught</b>: a number as integer, decimal (also correctly rounded to two or more places), fraction
 * (unreduced too: {@code 6/8} for {@code 3/4}), mixed number, percent or words ({@code three quarters}); an expression
 * equivalent by value at random points ({@code 12 + 4x}, {@code 4·x + 12} for {@code 4x + 12}), found as any
 * well-bracketed stretch of the message's math; an equation equivalent to an equation answer (solved for the same
 * variable when the answer is: {@code 2 = x} leaks {@code x = 2}, the step {@code 2x = 4} does not); the solution side
 * of a solved answer ({@code 2} of {@code x = 2}); the text of the correct choice and letter statements
 * ({@code the answer is B}, {@code choose (B)}); a free-text answer's words.
 *
 * <p><b>Not leaks</b> (to keep false alarms down): a number in a role that states no quantity (the coefficient in
 * {@code 2x}, the exponent in {@code x^2}, a label such as {@code a1}, an ordinal such as {@code 2nd}); a fraction
 * that reduces to a whole-number answer ({@code 80/2} for 40: a computation left to do); a stretch copied from the
 * prompt or from what the learner said, with its neighbouring operator and operand ({@code x + 2} in "look at
 * x + 2 = 4" when the prompt is "solve x + 2 = 4"). Some mentions are <em>weak</em> and leak only when <em>stated</em>
 * as a result (after {@code =}, {@code the answer is}, {@code it's}, {@code you get}, {@code equals}, a plain
 * {@code is} not followed by more math…, or before {@code is the answer / is correct}): a number written exactly as
 * in the prompt or the learner's words ({@code 5} in "what is 5 × 1?", but not {@code 0.75} in "write 3/4 as a
 * decimal"), the lone words {@code one} and {@code zero}, a text answer that the prompt also contains or that is
 * shorter than three characters, a lone-variable answer. The value of a constant answer whose task is its form
 * (factorise 252: {@code 2×2×3×3×7}) is not protected when the prompt shows it.
 *
 * <p>Cost: O(n) to scan the message for numbers and words; expressions cost one EvalEx parse and
 * {@value Equivalence#POINTS} evaluations per candidate stretch, and candidates are limited to stretches of at most
 * {@value #MAX_SPAN} tokens whose variables are exactly the answer's, so a message of a few hundred characters is
 * checked in well under a millisecond to a few milliseconds.
 */
public final class LeakGuard {

    /** The longest stretch of math tokens tried as one expression. */
    static final int MAX_SPAN = 64;

    private static final String CURRENCY = "(?:[$\u20ac\u00a3]\\s*)?";
    /**
     * French ways of stating a result, before it: "la réponse est", "le résultat :", "c'est", "ça fait", "on obtient",
     * "tu trouves", "égale", "vaut", "donne" (a leading alternative of {@link #STATED_BEFORE}).
     */
    private static final String FRENCH_STATED = "|\\b(?:la\\s+|ta\\s+)?(?:bonne\\s+)?(?:r\u00e9ponse|solution|r\u00e9sultat)s?\\s*"
            + "(?:finale?\\s*)?(?:est|sera|serait|vaut|=|:)\\s*(?:le\\s+nombre\\s+)?|"
            + "\\b(?:c'est|cela fait|\u00e7a fait|\u00e7a donne|cela donne|on obtient|tu obtiens|tu obtiendras|on trouve|tu trouves|"
            + "tu devrais trouver|donne|donnent|\u00e9gale|\u00e9gal \u00e0|vaut|valent|fait|font|devient)\\s+(?:exactement\\s+)?";
    private static final Pattern STATED_BEFORE = Pattern.compile(
            "(?:=\\s*|\\b(?:answer|solution|result)s?(?:\\s+(?:to|for|of)\\s+(?:the|this|that|your)\\s+\\w+)?\\s*"
                    + "(?:is|are|was|would be|should be|will be|equals|=|:)\\s*(?:the\\s+)?(?:number\\s+)?|"
                    + "\\b(?:it'?s|it is|that'?s|that is|you get|you'?ll get|you should get|we get|get|gives?(?: you| us)?|equals?|"
                    + "makes?|comes? (?:out )?to|is equal to|becomes?|answer|(?:it |that )?(?:reads|spells(?: out)?))\\s+(?:exactly\\s+)?|\\bfinal\\s+\\w+\\s*(?:is|=|:)\\s*"
                    + FRENCH_STATED + ")" + CURRENCY + "$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** {@code x is 2}, {@code the slope is 2}: a plain "is" states a value unless more math follows ({@code is 2 + 3}). */
    private static final Pattern IS_BEFORE = Pattern.compile(
            "\\b(?:is|are|was|equals|be|est|sont|vaut|valent)\\s+(?:(?:always|still|just|now|also|then|simply|exactly|toujours|encore|"
                    + "juste|maintenant|aussi|alors|simplement|exactement)\\s+)?(?:(?:an?|the)\\s+)?" + CURRENCY + "$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Arithmetic is the answer in a riddle only when named so: "the answer is 2 + 3", "it's 2 + 3", "= 2 + 3", in French
     * "la réponse est 2 + 3", "c'est 2 + 3". "We get 3×15" or "the expression becomes 9+8" is the computation the
     * learner does next (a scaffold), not the result.
     */
    private static final Pattern RESULT_BEFORE = Pattern.compile("(?:\\b(?:answer|result|solution)s?\\s*(?:is|was|would be|should be|will be|equals|=|:)"
            + "|\\b(?:r\u00e9ponse|r\u00e9sultat|solution)s?\\s*(?:finale?\\s*)?(?:est|sera|serait|vaut|=|:)"
            + "|\\b(?:it'?s|it is|that'?s|that is|c'est)|(?<![<>!=])=)\\s*(?:just\\s+|exactly\\s+|simply\\s+|juste\\s+|exactement\\s+|simplement\\s+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern COLON_BEFORE = Pattern.compile(":\\s*" + CURRENCY + "$");
    private static final Pattern SENTENCE_END_AFTER = Pattern.compile("^\\s*(?:[.!]\\s|[.!]?\\s*$)");
    private static final Pattern MATH_AFTER = Pattern.compile("^\\s*(?:[-+*/^=\u00d7\u00f7\u00b7(]|times\\b|plus\\b|minus\\b|divided\\b|over\\b"
            + "|fois\\b|moins\\b|divis\u00e9|multipli\u00e9)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern STATED_AFTER = Pattern.compile(
            "^(?:\\s*(?:is|would be|should be|was|'s)\\s+(?:the\\s+)?(?:correct|right|answer|solution|result)\\b"
                    + "|[^.?!\\d]{0,40}?\\b(?:is|was|'s)\\s+(?:the\\s+)?(?:correct\\s+|right\\s+|final\\s+)?(?:answer|solution)\\b"
                    + "|\\s*(?:est|serait|\u00e9tait)\\s+(?:la\\s+)?(?:bonne\\s+)?(?:r\u00e9ponse|solution)\\b"
                    + "|\\s*(?:est|serait)\\s+(?:correcte?|juste|exacte?)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public LeakGuard() {
    }

    /** Checks a message at {@code rung} (null for feedback on an attempt, below every rung). */
    public LeakVerdict check(Item item, Rung rung, String message) {
        return check(item, rung == null ? 0 : rung.level(), message, List.of());
    }

    /**
     * Checks a message at ladder level {@code level} (0 = attempt feedback, 1 = orient … 4 = bottom-out).
     *
     * @param learnerSaid what the learner has written so far on this item; numbers and stretches copied from it are
     *                    treated like the prompt's (quoting the learner is not revealing)
     */
    public LeakVerdict check(Item item, int level, String message, List<String> learnerSaid) {
        if (message == null || message.isBlank() || level >= Rung.BOTTOM_OUT.level()) return new LeakVerdict.Clean();
        StringBuilder context = new StringBuilder(item.prompt());
        for (String s : learnerSaid) context.append('\n').append(s);
        String normalContext = normalise(context.toString());
        String normalMessage = normalise(message);
        Scan scan = new Scan(normalMessage, normalContext, null);
        List<Leak> leaks = new ArrayList<>();
        List<Probe> probes = probes(item, level);
        for (Probe p : probes) p.find(scan, leaks);
        if (leaks.isEmpty()) {
            // the answer encoded so that a learner reads it at a glance: one more pass per reading that applies
            for (Decodings.Reading r : Decodings.of(normalMessage)) {
                Scan decoded = new Scan(normalise(r.text()), normalContext, normalMessage);
                List<Leak> found = new ArrayList<>();
                for (Probe p : probes) p.find(decoded, found);
                if (found.isEmpty()) continue;
                Leak first = found.get(0);
                return new LeakVerdict.Leaked(List.of(new Leak(0, message.length(), r.how() + ": " + first.text(), LeakForm.ENCODED,
                        first.secret())));
            }
            return new LeakVerdict.Clean();
        }
        leaks.sort(Comparator.comparingInt(Leak::start).thenComparing(Comparator.comparingInt(Leak::end).reversed()));
        List<Leak> distinct = new ArrayList<>();
        for (Leak l : leaks) {
            if (!distinct.isEmpty() && l.start() < distinct.get(distinct.size() - 1).end()) continue;
            distinct.add(l);
        }
        return new LeakVerdict.Leaked(distinct);
    }

    /** The answers protected at {@code level}: the item's answers and the answers of authored rungs above it. */
    public static List<Secret> secrets(Item item, int level) {
        List<Secret> out = new ArrayList<>();
        if (level >= Rung.BOTTOM_OUT.level()) return out;
        for (String a : item.answers()) out.add(new Secret(Secret.Kind.ITEM_ANSWER, a));
        for (HintRung r : item.ladder()) {
            if (r.rung().level() > level && r.answer() != null && !r.answer().isBlank()) {
                out.add(new Secret(Secret.Kind.SCAFFOLD_ANSWER, r.answer()));
            }
        }
        return out;
    }

    /**
     * Compatibility forms folded (full-width digits, superscripts), and the digits of every script read as ASCII digits
     * with keycap marks dropped: {@code ٥}, {@code ५} and {@code 5️⃣} are the number 5, not a code.
     */
    private static String normalise(String text) {
        String s = Normalizer.normalize(org.tutorgraph.answer.AttemptText.superscripts(text), Normalizer.Form.NFKC)
                .replace('\u2019', '\'');
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean foreignDigit = cp > 0x7f && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
            boolean keycap = cp == 0xFE0F || cp == 0x20E3;
            if ((foreignDigit || keycap) && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (sb != null) {
                if (foreignDigit) sb.append((char) ('0' + Character.digit(cp, 10)));
                else if (!keycap) sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }

    // --- probes: one per protected form ------------------------------------------------------------------------------

    private static List<Probe> probes(Item item, int level) {
        List<Probe> out = new ArrayList<>();
        boolean numberDisclosure = false;
        for (Secret s : secrets(item, level)) {
            if (s.kind() == Secret.Kind.ITEM_ANSWER) {
                answerProbes(s, item.type(), item, out);
                if (item.type() == AnswerType.CHOICE && s.answer().equals(item.primaryAnswer())) out.add(new DisclosureProbe(s, item, false));
            } else {
                guessProbes(s, s.answer(), out, item.tolerance());
            }
            boolean numeric = s.kind() == Secret.Kind.ITEM_ANSWER && item.type() == AnswerType.NUMBER
                    || NumberValue.readExact(s.answer()).isPresent();
            if (numeric && !numberDisclosure) {
                out.add(new DisclosureProbe(s, item, true));
                numberDisclosure = true;
            }
        }
        return out;
    }

    private static void answerProbes(Secret s, AnswerType type, Item item, List<Probe> out) {
        switch (type) {
            case NUMBER -> {
                Optional<NumberValue> v = NumberValue.read(s.answer());
                if (v.isPresent()) out.add(new NumberProbe(s, v.get(), item.tolerance()));
                else guessProbes(s, s.answer(), out, item.tolerance());
            }
            case EXPRESSION -> {
                Optional<MathForm> f = Expressions.parse(s.answer());
                if (f.isPresent()) formProbes(s, f.get(), out, item.tolerance());
                else out.add(new TextProbe(s, s.answer(), LeakForm.TEXT));
            }
            case CHOICE -> {
                Optional<Integer> index = AnswerSyntax.choiceIndex(s.answer(), item.choices());
                if (index.isPresent()) {
                    out.add(new LetterProbe(s, AnswerSyntax.letter(index.get()).charAt(0)));
                    String choice = item.choices().get(index.get());
                    if (!guessProbes(s, choice, out, item.tolerance())) out.add(new TextProbe(s, choice, LeakForm.CHOICE_TEXT));
                } else {
                    out.add(new TextProbe(s, s.answer(), LeakForm.CHOICE_TEXT));
                }
            }
            case TEXT -> {
                if (!guessProbes(s, s.answer(), out, item.tolerance())) out.add(new TextProbe(s, s.answer(), LeakForm.TEXT));
            }
        }
    }

    /**
     * Probes for an answer whose type is not declared (a scaffold's, a choice's text): a number, else an expression or
     * equation (with a variable or an operator), else text. Returns whether it read as math.
     */
    private static boolean guessProbes(Secret s, String answer, List<Probe> out, double tolerance) {
        Optional<NumberValue> v = NumberValue.readExact(answer);
        if (v.isPresent()) {
            out.add(new NumberProbe(s, v.get(), tolerance));
            return true;
        }
        Optional<MathForm> f = Expressions.parse(answer);
        List<MathToken> tokens = MathLexer.lex(answer);
        boolean looksLikeMath = tokens.stream().anyMatch(t -> !t.is(Kind.WORD))
                || (tokens.size() == 1 && tokens.get(0).text().length() == 1); // "odd" is a word, "x" a variable
        if (f.isPresent() && looksLikeMath) {
            formProbes(s, f.get(), out, tolerance);
            return true;
        }
        if (s.kind() == Secret.Kind.SCAFFOLD_ANSWER) out.add(new TextProbe(s, answer, LeakForm.TEXT));
        return false;
    }

    private static void formProbes(Secret s, MathForm f, List<Probe> out, double tolerance) {
        if (f instanceof MathForm.Expr e) {
            // the value of a constant answer (3√2, 2×2×3×3×7) is protected too, unless the task is its form:
            // the prompt then already shows the value (factorise 252)
            if (e.isConstant()) e.constantValue().ifPresent(v -> out.add(new NumberProbe(s, NumberValue.of(v), tolerance, true)));
            out.add(new ExprProbe(s, e));
        } else if (f instanceof MathForm.Equation eq) {
            out.add(new EquationProbe(s, eq));
            eq.solution().ifPresent(side -> {
                if (side.isConstant()) side.constantValue().ifPresent(v -> out.add(new NumberProbe(s, NumberValue.of(v), tolerance)));
                else out.add(new ExprProbe(s, side));
            });
        }
    }

    /** A message read once for all probes: its tokens, its numbers, and the context it may quote. */
    private static final class Scan {
        final String message;
        final List<MathToken> tokens;
        final List<NumberScanner.Mention> mentions;
        final String context;
        final String contextSquashed;
        final List<NumberScanner.Mention> contextNumbers;
        final List<int[]> runs;
        final Map<String, Optional<MathForm>> parsed = new HashMap<>();

        /**
         * The plain message when this scan reads a decoding of it, else null. In a decoding, a mention that the plain
         * message does not contain was made by decoding: it counts as stated (the model hid it on purpose), even when
         * the same number or word also appears in the prompt.
         */
        final String origin;

        Scan(String message, String context, String origin) {
            this.origin = origin;
            this.message = message;
            this.tokens = MathLexer.lex(message);
            this.mentions = NumberScanner.scan(message, tokens);
            this.context = context;
            List<MathToken> ct = MathLexer.lex(context);
            this.contextSquashed = squash(ct, 0, ct.size());
            this.contextNumbers = NumberScanner.scan(context, ct);
            this.runs = mathRuns(tokens);
        }

        Optional<MathForm> parse(int from, int to) {
            String key = squash(tokens, from, to);
            return parsed.computeIfAbsent(key, k -> Expressions.parse(tokens.subList(from, to)));
        }

        boolean quoted(int from, int to) {
            return contextSquashed.contains(squash(tokens, from, to));
        }

        /** Whether the number at tokens [from, to) is copied from the context with a neighbouring operator and operand. */
        boolean quotedWithNeighbour(int from, int to) {
            if (from >= 2 && isJoin(tokens.get(from - 1)) && isOperand(tokens.get(from - 2)) && quoted(from - 2, to)) return true;
            return to + 1 < tokens.size() && isJoin(tokens.get(to)) && isOperand(tokens.get(to + 1)) && quoted(from, to + 2);
        }

        boolean stated(int start, int end) {
            if (origin != null && !origin.toLowerCase(Locale.ROOT).contains(message.substring(start, end).toLowerCase(Locale.ROOT))) return true;
            String before = message.substring(Math.max(0, start - 48), start);
            if (STATED_BEFORE.matcher(before).find()) return true;
            // a single value given after a colon, ending its sentence ("here it is: 5.", "the number you need: 12");
            // an expression after a colon is usually the step shown ("regroup the terms: y+12+28.")
            if (COLON_BEFORE.matcher(before).find() && SENTENCE_END_AFTER.matcher(message.substring(end)).find()
                    && !message.substring(start, end).substring(1).matches(".*[-+*/^=\u00d7\u00f7].*")) return true;
            String after = message.substring(end);
            if (IS_BEFORE.matcher(before).find() && !MATH_AFTER.matcher(after).find()) return true;
            return STATED_AFTER.matcher(after).find();
        }

        /**
         * Stated as the result in so many words ("the answer is …", "it's …", "you get …", "= …", "… is correct"), and
         * not asked ("how many days is 80/2?"): the test for arithmetic that stands for the answer.
         */
        boolean statedAsResult(int start, int end) {
            if (origin != null && !origin.toLowerCase(Locale.ROOT).contains(message.substring(start, end).toLowerCase(Locale.ROOT))) return true;
            String after = message.substring(end);
            if (after.stripLeading().startsWith("?")) return false;
            String before = message.substring(Math.max(0, start - 48), start);
            return RESULT_BEFORE.matcher(before).find() || STATED_AFTER.matcher(after).find();
        }

        int[] tokenRange(int start, int end) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < tokens.size(); i++) {
                MathToken t = tokens.get(i);
                if (from < 0 && t.end() > start) from = i;
                if (t.start() < end) to = i + 1;
            }
            return new int[]{Math.max(from, 0), Math.max(to, 0)};
        }

        void add(List<Leak> leaks, int fromTok, int toTok, LeakForm form, Secret secret) {
            int start = tokens.get(fromTok).start();
            int end = tokens.get(toTok - 1).end();
            leaks.add(new Leak(start, end, message.substring(start, end), form, secret));
        }
    }

    /** Number words too common to be a mention on their own ("one way", "un nombre"): they leak only when stated. */
    private static final Set<String> LONE_WEAK_WORDS = Set.of("one", "zero", "un", "une", "z\u00e9ro");

    private sealed interface Probe {
        void find(Scan scan, List<Leak> leaks);
    }

    /** A number in any written form. */
    private record NumberProbe(Secret secret, NumberValue key, double tolerance, boolean valueOfForm) implements Probe {
        NumberProbe(Secret secret, NumberValue key, double tolerance) {
            this(secret, key, tolerance, false);
        }

        @Override
        public void find(Scan scan, List<Leak> leaks) {
            boolean valueInContext = false;
            java.util.Set<String> writtenInContext = new java.util.HashSet<>();
            for (NumberScanner.Mention c : scan.contextNumbers) {
                if (NumberValue.matches(key, NumberValue.of(c), tolerance)) {
                    valueInContext = true;
                    writtenInContext.add(written(c.text()));
                }
            }
            if (valueInContext && valueOfForm) return;
            for (NumberScanner.Mention m : scan.mentions) {
                if (m.role() != NumberScanner.Role.VALUE) continue;
                NumberValue said = NumberValue.of(m);
                boolean same = NumberValue.matches(key, said, tolerance)
                        // 1.9% for a key 1.9 asked "as a percent": the same digits
                        || (said.percent() && !key.percent() && NumberValue.matches(key, new NumberValue(said.value() * 100, false, said.decimals()), tolerance));
                if (!same) continue;
                int[] range = scan.tokenRange(m.start(), m.end());
                if (scan.quotedWithNeighbour(range[0], range[1])) continue;
                if (m.form() == NumberScanner.Form.FRACTION && isWhole(key.value()) && !m.text().matches(".*/\\s*1")) {
                    continue; // 24/4 for 6 is a computation left to do, not the answer shown
                }
                // written exactly as in the prompt (or as the learner wrote it): a quote, unless stated as the result.
                // The same value in another form is not a quote: "0.75" leaks "write 3/4 as a decimal".
                boolean weak = writtenInContext.contains(written(m.text())) || (m.form() == NumberScanner.Form.WORDS
                        && LONE_WEAK_WORDS.contains(m.text().toLowerCase(Locale.ROOT)));
                if (weak && !scan.stated(m.start(), m.end())) continue;
                leaks.add(new Leak(m.start(), m.end(), m.text(), form(m.form()), secret));
            }
            // arithmetic stated as the result ("the answer is 2 + 3"): a riddle whose value is the answer. A stretch
            // copied from the prompt or the learner restates the question and is not one.
            for (int[] run : scan.runs) {
                List<MathToken> t = scan.tokens;
                if (hasEquals(t, run[0], run[1]) || !hasOperator(t, run[0], run[1]) || !letters(t, run[0], run[1]).isEmpty()) continue;
                int start = t.get(run[0]).start();
                int end = t.get(run[1] - 1).end();
                if (!scan.statedAsResult(start, end) || scan.quoted(run[0], run[1])) continue;
                if (run[1] - run[0] == 3 && t.get(run[0] + 1).isOperator("/") && isWhole(key.value())) continue; // 120/120 for 1: still to divide
                Optional<MathForm> f = scan.parse(run[0], run[1]);
                if (f.isEmpty() || !(f.get() instanceof MathForm.Expr e)) continue;
                Optional<Double> v = e.constantValue();
                if (v.isPresent() && NumberValue.matches(key, NumberValue.of(v.get()), tolerance)) {
                    scan.add(leaks, run[0], run[1], LeakForm.EXPRESSION, secret);
                }
            }
        }

        /** A number's text compared for "written the same": no spaces, no thousands separators, lower case. */
        private static String written(String text) {
            return text.replaceAll("[\\s,]", "").replace('\u2212', '-').toLowerCase(Locale.ROOT);
        }

        private static boolean isWhole(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15;
        }

        private static LeakForm form(NumberScanner.Form f) {
            return switch (f) {
                case INTEGER -> LeakForm.INTEGER;
                case DECIMAL -> LeakForm.DECIMAL;
                case FRACTION -> LeakForm.FRACTION;
                case MIXED -> LeakForm.MIXED_NUMBER;
                case PERCENT -> LeakForm.PERCENT;
                case WORDS -> LeakForm.NUMBER_WORDS;
            };
        }
    }

    /** An expression equivalent by value. */
    private record ExprProbe(Secret secret, MathForm.Expr key) implements Probe {
        @Override
        public void find(Scan scan, List<Leak> leaks) {
            List<MathToken> t = scan.tokens;
            if (key.isVariable()) {
                String v = key.variables().iterator().next();
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i).is(Kind.WORD) && t.get(i).text().toLowerCase(Locale.ROOT).equals(v)
                            && scan.stated(t.get(i).start(), t.get(i).end())) {
                        scan.add(leaks, i, i + 1, LeakForm.EXPRESSION, secret);
                    }
                }
                return;
            }
            for (int[] run : scan.runs) {
                for (int i = run[0]; i < run[1]; i++) {
                    if (!validStart(t, i, run[0])) continue;
                    for (int j = Math.min(run[1], i + MAX_SPAN); j >= i + 2; j--) {
                        if (!validEnd(t, j, run[1])) continue;
                        if (hasEquals(t, i, j)) continue;
                        if (!letters(t, i, j).equals(key.variables())) continue;
                        if (key.isConstant() && !hasOperator(t, i, j)) continue;
                        Optional<MathForm> f = scan.parse(i, j);
                        if (f.isEmpty() || !(f.get() instanceof MathForm.Expr e)) continue;
                        if (Equivalence.expressions(key, e) != Equivalence.Verdict.SAME) continue;
                        if (scan.quoted(i, j) && !scan.stated(t.get(i).start(), t.get(j - 1).end())) continue;
                        scan.add(leaks, i, j, LeakForm.EXPRESSION, secret);
                        i = j - 1;
                        break;
                    }
                }
            }
        }
    }

    /** An equivalent equation (solved for the same variable when the answer is solved). */
    private record EquationProbe(Secret secret, MathForm.Equation key) implements Probe {
        @Override
        public void find(Scan scan, List<Leak> leaks) {
            List<MathToken> t = scan.tokens;
            Optional<String> solved = key.solvedFor();
            for (int[] run : scan.runs) {
                for (int q = run[0] + 1; q < run[1] - 1; q++) {
                    if (!t.get(q).is(Kind.EQUALS)) continue;
                    int lo = Math.max(run[0], q - MAX_SPAN);
                    int hi = Math.min(run[1], q + 1 + MAX_SPAN);
                    int left = q - 1;
                    while (left > lo && !t.get(left - 1).is(Kind.EQUALS)) left--;
                    int right = q + 2;
                    while (right < hi && !t.get(right).is(Kind.EQUALS)) right++;
                    boolean found = false;
                    for (int i = left; i < q && !found; i++) {
                        if (!validStart(t, i, run[0])) continue;
                        for (int j = right; j >= q + 2 && !found; j--) {
                            if (!validEnd(t, j, run[1])) continue;
                            if (solved.isPresent() && !(i == q - 1 || j == q + 2)) continue; // a solved form has a lone side
                            if (!letters(t, i, j).equals(key.variables())) continue;
                            Optional<MathForm> f = scan.parse(i, j);
                            if (f.isEmpty() || !(f.get() instanceof MathForm.Equation e)) continue;
                            if (Equivalence.equations(key, e) != Equivalence.Verdict.SAME) continue;
                            if (solved.isPresent() && !solved.equals(e.solvedFor())) continue;
                            if (scan.quoted(i, j)) continue;
                            scan.add(leaks, i, j, LeakForm.EQUATION, secret);
                            found = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * The words of a text answer or of the correct choice. A text with math in it ({@code (0,7)}, {@code [-4, 0)})
     * is matched token by token, so its brackets and signs count; a plain text word by word, ignoring case and
     * punctuation.
     */
    private record TextProbe(Secret secret, String text, LeakForm form) implements Probe {
        @Override
        public void find(Scan scan, List<Leak> leaks) {
            String relation = text.strip();
            if (RELATIONS.contains(relation)) {
                findRelation(scan, leaks, relation);
                return;
            }
            List<MathToken> answer = MathLexer.lex(text);
            while (!answer.isEmpty() && answer.get(answer.size() - 1).is(Kind.PUNCTUATION) && answer.get(answer.size() - 1).text().equals(".")) {
                answer = answer.subList(0, answer.size() - 1);
            }
            if (answer.isEmpty()) return;
            boolean math = answer.stream().anyMatch(t -> !t.is(Kind.WORD));
            if (math) {
                findTokens(scan, leaks, answer);
                return;
            }
            String norm = TextAnswers.normalise(text);
            if (norm.isEmpty()) return;
            String[] words = norm.split(" ");
            StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) re.append("[^\\p{L}\\p{N}]+");
                re.append(Pattern.quote(words[i]));
            }
            re.append("(?![\\p{L}\\p{N}])");
            Pattern p = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            boolean weak = norm.length() < 3 || p.matcher(scan.context).find();
            Matcher m = p.matcher(scan.message);
            while (m.find()) {
                if (weak && !scan.stated(m.start(), m.end())) continue;
                leaks.add(new Leak(m.start(), m.end(), m.group(), form, secret));
            }
        }

        private void findTokens(Scan scan, List<Leak> leaks, List<MathToken> answer) {
            String wanted = squash(answer, 0, answer.size());
            boolean weak = text.strip().length() < 3 || scan.contextSquashed.contains(wanted);
            List<MathToken> t = scan.tokens;
            for (int i = 0; i + answer.size() <= t.size(); i++) {
                if (!squash(t, i, i + answer.size()).equals(wanted)) continue;
                if (i > 0 && glued(t.get(i - 1), t.get(i))) continue;
                int end = i + answer.size();
                if (end < t.size() && glued(t.get(end - 1), t.get(end))) continue;
                int startChar = t.get(i).start();
                int endChar = t.get(end - 1).end();
                if (weak && !scan.stated(startChar, endChar)) continue;
                scan.add(leaks, i, end, form, secret);
                i = end - 1;
            }
        }

        /** A relation answer ({@code >} to "compare -1 and -4") shows when it stands between two quantities: {@code -1 > -4}. */
        private void findRelation(Scan scan, List<Leak> leaks, String relation) {
            List<MathToken> t = scan.tokens;
            for (int i = 1; i + 1 < t.size(); i++) {
                MathToken tok = t.get(i);
                if (!tok.text().equals(relation)) continue;
                MathToken prev = t.get(i - 1);
                MathToken next = t.get(i + 1);
                boolean leftQuantity = prev.is(Kind.NUMBER) || prev.is(Kind.CLOSE) || prev.text().equals("|");
                boolean rightQuantity = next.is(Kind.NUMBER) || next.isOperator("-") || next.is(Kind.OPEN) || next.text().equals("|");
                if (!leftQuantity || !rightQuantity) continue;
                if (scan.quotedWithNeighbour(i, i + 1)) continue;
                scan.add(leaks, i, i + 1, form, secret);
            }
        }

        /** Two adjacent tokens that read as one word or number ({@code x} and {@code 5} in {@code x5}). */
        private static boolean glued(MathToken a, MathToken b) {
            return a.end() == b.start() && (a.is(Kind.WORD) || a.is(Kind.NUMBER)) && (b.is(Kind.WORD) || b.is(Kind.NUMBER));
        }
    }

    private static final Set<String> RELATIONS = Set.of("<", ">", "\u2264", "\u2265", "<=", ">=");

    /** A statement naming the correct choice's letter. */
    private record LetterProbe(Secret secret, char letter) implements Probe {
        @Override
        public void find(Scan scan, List<Leak> leaks) {
            String l = Pattern.quote(String.valueOf(letter));
            String anyCase = "[" + Character.toUpperCase(letter) + Character.toLowerCase(letter) + "]";
            List<Pattern> patterns = List.of(
                    // the answer is B / option (b) / choice b:
                    Pattern.compile("(?i:\\b(?:answer|option|choice|letter)s?\\s*(?:is|was|would be|should be|=|:)?\\s*)[(\\[]?" + anyCase + "(?![\\p{L}\\p{N}'])[)\\].]?"),
                    // choose B / pick (B) / go with B / it's B
                    Pattern.compile("(?i:\\b(?:choose|pick|select|circle|mark|go with|it'?s|it is)\\s+)(?:[(\\[]" + anyCase + "[)\\]]|" + l + "(?![\\p{L}\\p{N}']))"),
                    // B is correct / (B) is the answer / B) is right
                    Pattern.compile("(?:[(\\[]" + anyCase + "[)\\]]|(?<![\\p{L}\\p{N}'])" + l + "\\)?)(?i:\\s*(?:is|'s)\\s+(?:the\\s+)?(?:correct|right|answer)\\b)"),
                    // French: la réponse est B, l'option (b), choisis B, c'est B, B est la bonne réponse
                    // (French "a" is also a verb: unbracketed, only the capital letter counts)
                    Pattern.compile("(?iu:\\b(?:r\u00e9ponse|option|choix|lettre|proposition)s?\\s*(?:est|serait|:)?\\s*(?:la\\s+|le\\s+)?)(?:[(\\[]"
                            + anyCase + "[)\\]]|" + l + "(?![\\p{L}\\p{N}'])[).]?)"),
                    Pattern.compile("(?iu:\\b(?:choisis|choisissez|choisir|prends|prenez|coche|cochez|entoure|c'est)\\s+(?:la\\s+|le\\s+)?)(?:[(\\[]"
                            + anyCase + "[)\\]]|" + l + "(?![\\p{L}\\p{N}']))"),
                    Pattern.compile("(?:[(\\[]" + anyCase + "[)\\]]|(?<![\\p{L}\\p{N}'])" + l + "\\)?)(?iu:\\s*(?:est|serait)\\s+(?:la\\s+)?"
                            + "(?:bonne|correcte|juste|r\u00e9ponse)\\b)"));
            for (Pattern p : patterns) {
                Matcher m = p.matcher(scan.message);
                while (m.find()) leaks.add(new Leak(m.start(), m.end(), m.group(), LeakForm.CHOICE_LETTER, secret));
            }
            // by its place: "the second option", "option two", "choice 2", "the last one"
            int index = letter - 'A';
            Matcher m = PLACE.matcher(scan.message);
            while (m.find()) {
                String w = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
                int at = ORDINAL_WORDS.indexOf(w);
                if (at < 0) at = PLACES.indexOf(w);
                if (w.matches("\\d")) at = Integer.parseInt(w) - 1;
                if (at == index) leaks.add(new Leak(m.start(), m.end(), m.group(), LeakForm.CHOICE_LETTER, secret));
            }
        }

        private static final List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
        private static final List<String> PLACES = List.of("one", "two", "three", "four", "five", "six", "seven", "eight");
        private static final Pattern PLACE = Pattern.compile("(?i)\\b(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth)\\s+"
                + "(?:option|choice|answer)\\b|\\b(?:option|choice|answer)\\s+(?:number\\s+|no\\.?\\s*|#)?(one|two|three|four|five|six|seven|eight|[1-8])\\b");
    }

    /**
     * Feedback that narrows a number or a choice down without stating it: "too low", "go higher", "the answer is
     * between 3 and 5", "the first digit is 5", "it ends in 7", "warmer", or every other choice ruled out. A learner
     * cycling guesses harvests the answer from such feedback, so it is a leak below bottom-out.
     */
    private record DisclosureProbe(Secret secret, Item item, boolean number) implements Probe {
        private static final Pattern DIRECTION = Pattern.compile("(?i)\\b(?:too\\s+(?:high|low|big|small|large|much|little)"
                + "|(?:go|guess|try|aim|think)\\s+(?:a\\s+(?:bit|little|lot)\\s+|much\\s+|way\\s+|slightly\\s+)?(?:higher|lower|bigger|smaller|larger)"
                + "|(?:higher|lower|bigger|smaller|larger|greater|less|more)\\s+than\\s+(?:your\\s+(?:answer|guess|number)|you\\s+(?:said|think|guessed|wrote)))\\b");
        private static final Pattern COMPARED = Pattern.compile("(?i)\\b(?:correct\\s+|right\\s+|real\\s+|actual\\s+|final\\s+)?"
                + "(?:answer|result|solution)\\s+(?:is|'s|must\\s+be|should\\s+be|will\\s+be|lies|falls|would\\s+be)\\s+"
                + "(?:(?:a\\s+(?:bit|little|lot)|much|way|slightly|just|somewhere)\\s+)?"
                + "(?:(?:higher|lower|bigger|smaller|larger|greater|less|more)\\s+than|between|below|above|under|over|at\\s+(?:least|most)"
                + "|(?:an?\\s+)?(?:even|odd|prime)\\b)");
        private static final Pattern DIGITS = Pattern.compile("(?i)\\b(?:first|last|second|third|leading|final|ones|tens|units|hundreds|middle)"
                + "\\s+digits?\\s+(?:of\\s+(?:the|your|this)\\s+(?:answer|result|number|solution)\\s+)?(?:is|'s|=|are)\\b|\\b(?:ends|starts|begins)\\s+(?:in|with)\\s+(?:an?\\s+|the\\s+)?(?:digit\\s+|number\\s+)?"
                + "(?:\\d|zero|one|two|three|four|five|six|seven|eight|nine)\\b|\\bhas\\s+(?:\\d+|one|two|three|four|five|six)\\s+digits?\\b");
        private static final Pattern WARMTH = Pattern.compile("(?i)\\b(?:warmer|colder|getting\\s+(?:warm|hot|cold)|you'?re\\s+(?:hot|cold|warm)|red\\s+hot|ice\\s+cold)\\b");
        private static final Pattern NOT_LETTERS = Pattern.compile("(?i)\\b(?:it'?s|it\\s+is|answer\\s+is|the\\s+answer'?s)\\s+not\\s+"
                + "(?:option\\s+)?\\(?([A-H])\\)?((?:\\s*(?:,|and|or|nor)\\s*(?:not\\s+)?(?:option\\s+)?\\(?[A-H]\\)?)*)");

        @Override
        public void find(Scan scan, List<Leak> leaks) {
            if (number) {
                for (Pattern p : List.of(DIRECTION, COMPARED, DIGITS, WARMTH)) {
                    Matcher m = p.matcher(scan.message);
                    while (m.find()) leaks.add(new Leak(m.start(), m.end(), m.group(), LeakForm.DISCLOSURE, secret));
                }
                return;
            }
            // a choice item: ruling out every other option names the right one
            Matcher m = NOT_LETTERS.matcher(scan.message);
            while (m.find()) {
                Set<Character> ruledOut = new java.util.HashSet<>();
                ruledOut.add(Character.toUpperCase(m.group(1).charAt(0)));
                Matcher more = Pattern.compile("(?i)\\b([A-H])\\b").matcher(m.group(2));
                while (more.find()) ruledOut.add(Character.toUpperCase(more.group(1).charAt(0)));
                int left = 0;
                for (int i = 0; i < item.choices().size(); i++) if (!ruledOut.contains((char) ('A' + i))) left++;
                if (left == 1 && ruledOut.size() == item.choices().size() - 1) {
                    leaks.add(new Leak(m.start(), m.end(), m.group(), LeakForm.DISCLOSURE, secret));
                }
            }
        }
    }

    // --- token helpers -------------------------------------------------------------------------------------------------

    /** Maximal stretches of math tokens (numbers, variables, functions, operators, brackets, =), as [from, to). */
    static List<int[]> mathRuns(List<MathToken> t) {
        List<int[]> runs = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= t.size(); i++) {
            boolean math = i < t.size() && isMath(t.get(i));
            if (math && from < 0) from = i;
            if (!math && from >= 0) {
                if (i - from >= 2) runs.add(new int[]{from, i});
                from = -1;
            }
        }
        return runs;
    }

    private static boolean isMath(MathToken tok) {
        return switch (tok.kind()) {
            case NUMBER, OPERATOR, EQUALS, OPEN, CLOSE, ROOT -> true;
            case WORD -> isMathWord(tok.text());
            default -> false;
        };
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("sqrt", "abs", "sin", "cos", "tan", "ln", "log", "pi", "\u03c0");

    private static boolean isMathWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return FUNCTION_WORDS.contains(l) || Expressions.isVariableRun(w);
    }

    private static boolean isOperand(MathToken tok) {
        return tok.is(Kind.NUMBER) || tok.is(Kind.CLOSE) || (tok.is(Kind.WORD) && isMathWord(tok.text()));
    }

    private static boolean isJoin(MathToken tok) {
        return tok.is(Kind.OPERATOR) || tok.is(Kind.EQUALS);
    }

    /** Whether an expression may start at token i without cutting a product, quotient, power or subtraction apart. */
    private static boolean validStart(List<MathToken> t, int i, int runStart) {
        MathToken tok = t.get(i);
        boolean canStart = tok.is(Kind.NUMBER) || tok.is(Kind.OPEN) || tok.is(Kind.ROOT) || tok.isOperator("-")
                || (tok.is(Kind.WORD) && isMathWord(tok.text()));
        if (!canStart) return false;
        if (i == runStart) return true;
        MathToken prev = t.get(i - 1);
        if (prev.isOperator("*") || prev.isOperator("/") || prev.isOperator("^")) return false;
        if (prev.isOperator("-") && !tok.isOperator("-")) return false;
        if (prev.is(Kind.WORD) && FUNCTION_WORDS.contains(prev.text().toLowerCase(Locale.ROOT))) return false;
        if (prev.is(Kind.ROOT)) return false;
        return !(isOperand(prev) && !tok.isOperator("-"));
    }

    /** Whether an expression may end just before token j. */
    private static boolean validEnd(List<MathToken> t, int j, int runEnd) {
        MathToken last = t.get(j - 1);
        if (!(last.is(Kind.NUMBER) || last.is(Kind.CLOSE) || (last.is(Kind.WORD) && isMathWord(last.text())))) return false;
        if (j == runEnd) return true;
        MathToken next = t.get(j);
        if (next.isOperator("^") || next.isOperator("*") || next.isOperator("/")) return false;
        return !(next.is(Kind.NUMBER) || next.is(Kind.OPEN) || next.is(Kind.ROOT) || (next.is(Kind.WORD) && isMathWord(next.text())));
    }

    private static boolean hasEquals(List<MathToken> t, int from, int to) {
        for (int k = from; k < to; k++) if (t.get(k).is(Kind.EQUALS)) return true;
        return false;
    }

    private static boolean hasOperator(List<MathToken> t, int from, int to) {
        for (int k = from; k < to; k++) if (t.get(k).is(Kind.OPERATOR) || t.get(k).is(Kind.ROOT)) return true;
        return false;
    }

    /** The variables written in tokens [from, to): the letters of variable words, lower-case. */
    private static Set<String> letters(List<MathToken> t, int from, int to) {
        Set<String> out = new TreeSet<>();
        for (int k = from; k < to; k++) {
            MathToken tok = t.get(k);
            if (!tok.is(Kind.WORD)) continue;
            String l = tok.text().toLowerCase(Locale.ROOT);
            if (FUNCTION_WORDS.contains(l)) continue;
            for (int c = 0; c < l.length(); c++) out.add(String.valueOf(l.charAt(c)));
        }
        return out;
    }

    /** Tokens [from, to) joined without spaces, lower-case: the form compared for "copied from the context". */
    static String squash(List<MathToken> t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && t.get(k).is(Kind.WORD) && t.get(k - 1).is(Kind.WORD)) sb.append(' ');
            sb.append(t.get(k).text().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
