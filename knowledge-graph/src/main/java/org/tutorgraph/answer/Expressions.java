package org.tutorgraph.answer;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.ParseException;
import org.tutorgraph.answer.MathToken.Kind;

import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads algebraic expressions and simple equations the way learners type them, and hands them to EvalEx
 * (com.ezylang:EvalEx 3.5.0, maintained, Apache-2.0) to evaluate: {@code 2x + 3}, {@code 3(x - 1)}, {@code x^2},
 * {@code x²}, {@code -x^2} (= −(x²)), {@code 2^-1}, {@code (x+1)(x-1)}, {@code √x}, {@code sqrt(x+1)},
 * {@code y = 2x + 3}.
 *
 * <p>Reading rules (decided):
 * <ul>
 *   <li>Variables are single letters, case-insensitive ({@code X} is {@code x}); a run of up to three letters that is
 *       not a function name is a product of variables ({@code xy} = x·y, {@code rt} = r·t), unless it is all capitals
 *       ({@code IV}, {@code DNE} are words). {@code e} is a variable, not Euler's number
 *       (middle-school algebra uses letters); {@code pi} and {@code π} are π.</li>
 *   <li>Juxtaposition multiplies: {@code 2x}, {@code 2(x+1)}, {@code (x)(y)}, {@code x(x+1)}, {@code 3√x}. Two numbers
 *       side by side ({@code 2 3}) are not an expression.</li>
 *   <li>{@code ^} (or {@code **}) binds tighter than a leading minus and is right-associative; {@code /} and
 *       {@code *} associate left, so {@code 1/2x} is x/2, as on most calculators.</li>
 *   <li>Functions: {@code sqrt}, {@code abs}, {@code sin}/{@code cos}/{@code tan} (radians), {@code ln} (natural) and
 *       {@code log} (base 10).</li>
 *   <li>English words (longer than three letters, or short ones such as {@code the}, {@code and}) make the text not an
 *       expression, so prose is never read as a product of letters.</li>
 * </ul>
 * EvalEx computes with 16 significant digits ({@link MathContext#DECIMAL64}).
 */
public final class Expressions {

    /**
     * EvalEx's configuration: power above unary minus ({@code -x^2} is −(x²)), 16-digit arithmetic, and a power in
     * double range ({@link BoundedPower}: EvalEx's own would compute {@code 9^9^9^9} digit by digit). Immutable and
     * shared. The text this class gives EvalEx is written by {@link #toEvalEx} (multiplication explicit, variables
     * prefixed with {@code _}); implicit multiplication stays allowed for callers that pass raw text.
     */
    public static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .implicitMultiplicationAllowed(true)
            .powerOfPrecedence(OperatorIfc.OPERATOR_PRECEDENCE_POWER_HIGHER)
            .mathContext(MathContext.DECIMAL64)
            .build()
            .withAdditionalOperators(Map.entry("^", new BoundedPower()));

    /** The longest text read as an expression; longer input is refused rather than parsed. */
    public static final int MAX_LENGTH = 300;

    private static final Map<String, String> FUNCTIONS = Map.of(
            "sqrt", "SQRT", "abs", "ABS", "sin", "SINR", "cos", "COSR", "tan", "TANR", "ln", "LOG", "log", "LOG10");
    private static final Set<String> CONSTANTS = Set.of("pi");
    private static final Set<String> SHORT_WORDS = Set.of(
            "the", "and", "is", "it", "of", "to", "in", "on", "at", "or", "be", "by", "we", "so", "if", "as", "an",
            "its", "are", "was", "you", "for", "get", "has", "not", "can", "now", "how", "why", "any", "all", "add",
            "let", "use", "one", "two", "six", "ten", "out", "our", "but", "per", "do", "no", "yes", "me", "my", "up",
            "go", "idk", "who", "what", "try", "got", "see", "say", "put", "set", "sum", "new", "off", "too", "way",
            "ok", "hi", "am", "he", "she", "his", "her", "him", "they", "them", "then", "than", "that", "this", "with",
            // French function words and short number words, so a French sentence is not read as products of variables
            "et", "est", "le", "la", "les", "un", "une", "de", "des", "du", "en", "ou", "au", "aux", "il", "ils", "tu", "ce",
            "ces", "sa", "se", "son", "ses", "ta", "ton", "tes", "ma", "mon", "mes", "qui", "que", "par", "sur", "pas",
            "ne", "si", "dix", "car", "ici", "lui", "moi", "toi", "nos", "vos", "cet");

    private Expressions() {
    }

    /** Writes the usual typed forms the way the lexer reads them: {@code ×}, {@code ·}, {@code ÷} and {@code −}. */
    public static String normalise(String text) {
        return text.strip().replace('\u2212', '-').replace('\u00d7', '*').replace('\u00b7', '*')
                .replace('\u22c5', '*').replace('\u00f7', '/');
    }

    /** A description of what is wrong with {@code text} as an expression or an equation, or empty when it reads. */
    public static Optional<String> syntaxError(String text) {
        if (text == null || text.isBlank()) return Optional.of("the expression is empty");
        if (text.length() > MAX_LENGTH) return Optional.of("is longer than " + MAX_LENGTH + " characters");
        List<MathToken> tokens = MathLexer.lex(text);
        int equals = 0;
        for (MathToken t : tokens) if (t.is(Kind.EQUALS)) equals++;
        if (equals > 1) return Optional.of("an equation may have only one '='");
        int split = indexOf(tokens, Kind.EQUALS);
        if (split == 0 || split == tokens.size() - 1) return Optional.of("one side of the equation is empty");
        if (parse(tokens).isPresent()) return Optional.empty();
        return Optional.of("does not parse as an expression" + evalExDetail(tokens).map(d -> ": " + d).orElse(""));
    }

    /** EvalEx's own words on why a side does not parse, for authors ("Unexpected token after infix operator"). */
    private static Optional<String> evalExDetail(List<MathToken> tokens) {
        int eq = indexOf(tokens, Kind.EQUALS);
        List<List<MathToken>> sides = eq < 0 ? List.of(tokens) : List.of(tokens.subList(0, eq), tokens.subList(eq + 1, tokens.size()));
        for (List<MathToken> side : sides) {
            Optional<String> written = toEvalEx(side);
            if (written.isEmpty()) continue;
            try {
                new Expression(written.get(), CONFIG).validate();
            } catch (ParseException e) {
                return Optional.ofNullable(e.getMessage());
            } catch (RuntimeException e) {
                return Optional.ofNullable(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The free variables of an expression or equation, sorted; empty when it does not parse. */
    public static Set<String> variables(String text) {
        return parse(text).map(MathForm::variables).orElse(Set.of());
    }

    /** Reads {@code text} as an expression or an equation with one {@code =}. */
    public static Optional<MathForm> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) return Optional.empty();
        return parse(MathLexer.lex(text));
    }

    /** Reads a run of tokens (from {@link MathLexer}) as an expression or an equation with one {@code =}. */
    public static Optional<MathForm> parse(List<MathToken> tokens) {
        if (tokens.isEmpty()) return Optional.empty();
        int eq = indexOf(tokens, Kind.EQUALS);
        if (eq < 0) return expression(tokens).map(e -> e);
        if (indexOf(tokens.subList(eq + 1, tokens.size()), Kind.EQUALS) >= 0) return Optional.empty();
        Optional<MathForm.Expr> left = expression(tokens.subList(0, eq));
        if (left.isEmpty()) return Optional.empty();
        Optional<MathForm.Expr> right = expression(tokens.subList(eq + 1, tokens.size()));
        return right.map(r -> new MathForm.Equation(left.get(), r));
    }

    /** Reads a run of tokens without {@code =} as an expression. */
    public static Optional<MathForm.Expr> expression(List<MathToken> tokens) {
        Optional<String> written = toEvalEx(tokens);
        if (written.isEmpty()) return Optional.empty();
        try {
            Expression e = new Expression(written.get(), CONFIG);
            e.validate();
            Set<String> vars = new TreeSet<>();
            for (String v : e.getUndefinedVariables()) {
                if (!v.startsWith("_")) return Optional.empty();
                vars.add(v.substring(1));
            }
            return Optional.of(new MathForm.Expr(written.get(), vars, text(tokens)));
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * Writes tokens as an EvalEx expression with every multiplication explicit and variables named {@code _x}, or
     * empty when the tokens cannot be an expression (prose, two adjacent numbers, stray symbols). O(n).
     */
    static Optional<String> toEvalEx(List<MathToken> tokens) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean prevOperand = false; // the previous emitted item ends an operand (so juxtaposition multiplies)
        boolean prevNumber = false;
        int i = 0;
        int n = tokens.size();
        java.util.ArrayDeque<Integer> closeRootAt = new java.util.ArrayDeque<>();
        while (i < n) {
            MathToken t = tokens.get(i);
            switch (t.kind()) {
                case NUMBER -> {
                    if (prevNumber) return Optional.empty();
                    if (prevOperand) out.append('*');
                    out.append(t.text());
                    prevOperand = true;
                    prevNumber = true;
                    i++;
                    i = closeRoots(out, closeRootAt, depth, i);
                    continue;
                }
                case WORD -> {
                    String raw = t.text();
                    String w = raw.toLowerCase(Locale.ROOT);
                    if (w.equals("\u03c0")) w = "pi";
                    String fn = FUNCTIONS.get(w);
                    if (fn != null) {
                        if (i + 1 >= n || !tokens.get(i + 1).is(Kind.OPEN)) return Optional.empty();
                        if (prevOperand) out.append('*');
                        out.append(fn);
                        prevOperand = false;
                        prevNumber = false;
                        i++;
                        continue;
                    }
                    if (CONSTANTS.contains(w)) {
                        if (prevOperand) out.append('*');
                        out.append("PI");
                    } else {
                        if (!isVariableRun(raw)) return Optional.empty();
                        if (prevOperand) out.append('*');
                        for (int k = 0; k < w.length(); k++) {
                            if (k > 0) out.append('*');
                            out.append('_').append(w.charAt(k));
                        }
                    }
                    prevOperand = true;
                    prevNumber = false;
                    i++;
                    i = closeRoots(out, closeRootAt, depth, i);
                    continue;
                }
                case OPEN -> {
                    if (prevOperand) out.append('*');
                    out.append('(');
                    depth++;
                    prevOperand = false;
                }
                case CLOSE -> {
                    if (depth == 0) return Optional.empty();
                    out.append(')');
                    depth--;
                    prevOperand = true;
                    prevNumber = false;
                    i++;
                    i = closeRoots(out, closeRootAt, depth, i);
                    continue;
                }
                case ROOT -> {
                    if (prevOperand) out.append('*');
                    out.append("SQRT(");
                    closeRootAt.push(depth);
                    prevOperand = false;
                    prevNumber = false;
                }
                case OPERATOR -> {
                    String op = t.text();
                    if (op.equals("*") && i + 1 < n && tokens.get(i + 1).isOperator("*")
                            && tokens.get(i + 1).start() == t.end()) {
                        op = "^";
                        i++;
                    }
                    if (op.equals("^") && i + 1 < n && (tokens.get(i + 1).isOperator("-") || tokens.get(i + 1).isOperator("+"))) {
                        // 2^-1: EvalEx wants the signed exponent in parentheses
                        out.append("^(").append(tokens.get(i + 1).text());
                        int end = atomEnd(tokens, i + 2);
                        if (end < 0) return Optional.empty();
                        Optional<String> atom = toEvalEx(tokens.subList(i + 2, end));
                        if (atom.isEmpty()) return Optional.empty();
                        out.append('(').append(atom.get()).append("))");
                        prevOperand = true;
                        prevNumber = false;
                        i = end;
                        i = closeRoots(out, closeRootAt, depth, i);
                        continue;
                    }
                    out.append(op);
                    prevOperand = false;
                    prevNumber = false;
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (t.kind() != Kind.NUMBER) prevNumber = false;
            i++;
        }
        if (depth != 0 || !closeRootAt.isEmpty()) return Optional.empty();
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    /** After an operand ends at depth {@code depth}, closes the roots opened at that depth ({@code √2x} is √2·x). */
    private static int closeRoots(StringBuilder out, java.util.ArrayDeque<Integer> closeRootAt, int depth, int i) {
        while (!closeRootAt.isEmpty() && closeRootAt.peek() == depth) {
            closeRootAt.pop();
            out.append(')');
        }
        return i;
    }

    /** The end (exclusive) of the atom starting at {@code i}: a number, a letter run, a function call or a group. */
    private static int atomEnd(List<MathToken> tokens, int i) {
        if (i >= tokens.size()) return -1;
        MathToken t = tokens.get(i);
        if (t.is(Kind.NUMBER)) return i + 1;
        if (t.is(Kind.WORD)) {
            if (FUNCTIONS.containsKey(t.text().toLowerCase(Locale.ROOT))) return atomEnd(tokens, i + 1);
            return i + 1;
        }
        if (t.is(Kind.OPEN)) {
            int depth = 0;
            for (int k = i; k < tokens.size(); k++) {
                if (tokens.get(k).is(Kind.OPEN)) depth++;
                if (tokens.get(k).is(Kind.CLOSE) && --depth == 0) return k + 1;
            }
        }
        return -1;
    }

    /**
     * Whether a run of letters reads as a product of single-letter variables rather than a word. Runs of up to three
     * letters that are not common short words qualify, except several capitals ({@code IV}, {@code DNE}): those are
     * abbreviations or Roman numerals; a single capital ({@code X}) is a variable.
     */
    public static boolean isVariableRun(String word) {
        if (word.length() > 1 && word.chars().allMatch(Character::isUpperCase)) return false;
        String lowerWord = word.toLowerCase(Locale.ROOT);
        if (lowerWord.length() > 3) return false;
        if (SHORT_WORDS.contains(lowerWord)) return false;
        for (int k = 0; k < lowerWord.length(); k++) {
            char c = lowerWord.charAt(k);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    static String text(List<MathToken> tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && tokens.get(i).start() > tokens.get(i - 1).end()) sb.append(' ');
            sb.append(tokens.get(i).text());
        }
        return sb.toString();
    }

    private static int indexOf(List<MathToken> tokens, Kind kind) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).is(kind)) return i;
        return -1;
    }
}
