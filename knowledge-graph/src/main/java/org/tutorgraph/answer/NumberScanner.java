package org.tutorgraph.answer;

import org.tutorgraph.answer.MathToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Finds every number mentioned in a text, in any of the forms {@link Form} lists, with the role it plays there
 * ({@link Role}): {@code "Half of 3/4 is 0.375, or 37.5%; 2x has coefficient 2; x^2 has exponent 2"}.
 *
 * <p>Reading rules (decided): a minus is part of a number when it cannot be a subtraction (at the start, after an
 * operator, an opening bracket, {@code =} or a word: {@code is -5}); {@code 1 1/2} (space between) is a mixed number;
 * {@code 3/4} and {@code 6/8} are fractions by value; a number directly followed by a variable or a bracket
 * ({@code 2x}, {@code 2(x+1)}) is a coefficient, one right after {@code ^} an exponent, one right after letters
 * ({@code a1}) a label, one followed by {@code st/nd/rd/th} an ordinal.
 *
 * <p>O(n) in the number of tokens (number words look ahead a bounded window).
 */
public final class NumberScanner {

    /** How a number is written. */
    public enum Form {
        INTEGER, DECIMAL, FRACTION, MIXED, PERCENT, WORDS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The part a number plays where it stands. Only {@link #VALUE} states a quantity. */
    public enum Role { VALUE, COEFFICIENT, EXPONENT, LABEL, ORDINAL }

    /**
     * A number found in a text.
     *
     * @param start    offset of its first character (its sign included)
     * @param end      offset after its last character
     * @param value    its value (a percent reads as its value: {@code 50% → 0.5})
     * @param form     how it is written
     * @param role     the part it plays
     * @param decimals digits after the decimal point (0 for other forms)
     * @param text     the text as written
     */
    public record Mention(int start, int end, double value, Form form, Role role, int decimals, String text) {
    }

    /** Words that join or sign a number in words without being one: English, then French ({@code vingt et un}, {@code moins deux}). */
    private static final Set<String> WORD_JOINERS = Set.of("and", "a", "an", "point", "negative", "minus", "et", "virgule", "moins");
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");
    private static final int MAX_WORDS = 10;

    private NumberScanner() {
    }

    public static List<Mention> scan(String text) {
        return scan(text, MathLexer.lex(text));
    }

    /** The numbers of {@code text}, given its tokens from {@link MathLexer#lex}, in order. */
    public static List<Mention> scan(String text, List<MathToken> t) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            MathToken tok = t.get(i);
            if (tok.is(Kind.NUMBER)) {
                i = digits(text, t, i, out);
            } else if (tok.is(Kind.WORD)) {
                i = words(text, t, i, out);
            } else {
                i++;
            }
        }
        return out;
    }

    private static int digits(String text, List<MathToken> t, int i, List<Mention> out) {
        MathToken first = t.get(i);
        int start = first.start();
        double sign = 1;
        MathToken prev = i > 0 ? t.get(i - 1) : null;
        if (prev != null && prev.isOperator("-") && unaryAt(t, i - 1)) {
            sign = -1;
            start = prev.start();
        } else if (prev != null && prev.is(Kind.WORD)) {
            String w = prev.text().toLowerCase(Locale.ROOT);
            if (w.equals("negative") || ((w.equals("minus") || w.equals("moins")) && !(i >= 2 && isOperand(t.get(i - 2))))) {
                sign = -1;
                start = prev.start();
            }
        }
        Role role = Role.VALUE;
        if (prev != null && prev.isOperator("^")) role = Role.EXPONENT;
        if (prev != null && prev.is(Kind.WORD) && prev.end() == first.start()) role = Role.LABEL;

        double value = Double.parseDouble(first.text());
        Form form = first.text().contains(".") ? Form.DECIMAL : Form.INTEGER;
        int decimals = first.text().contains(".") ? first.text().length() - first.text().indexOf('.') - 1 : 0;
        int last = i; // index of the last token of the mention
        boolean integer = form == Form.INTEGER;
        // mixed number: 1 1/2
        if (integer && i + 3 < t.size() && t.get(i + 1).is(Kind.NUMBER) && t.get(i + 1).start() > first.end()
                && t.get(i + 2).isOperator("/") && t.get(i + 3).is(Kind.NUMBER)
                && !t.get(i + 1).text().contains(".") && !t.get(i + 3).text().contains(".")) {
            double num = Double.parseDouble(t.get(i + 1).text());
            double den = Double.parseDouble(t.get(i + 3).text());
            if (den > 0 && num < den && !(i + 4 < t.size() && (t.get(i + 4).isOperator("/") || t.get(i + 4).isOperator("^")))) {
                value = value + num / den;
                form = Form.MIXED;
                decimals = 0;
                last = i + 3;
            }
        }
        // fraction: 3/4, 6/8
        if (last == i && i + 2 < t.size() && t.get(i + 1).isOperator("/") && t.get(i + 2).is(Kind.NUMBER)
                && !(prev != null && (prev.isOperator("/") || prev.isOperator("^")))
                && !(i + 3 < t.size() && (t.get(i + 3).isOperator("^") || t.get(i + 3).isOperator("/")))) {
            double den = Double.parseDouble(t.get(i + 2).text());
            if (den != 0) {
                value = value / den;
                form = Form.FRACTION;
                decimals = 0;
                last = i + 2;
            }
        }
        int end = t.get(last).end();
        // percent: 50%, 50 percent, 50 per cent
        int after = last + 1;
        if (after < t.size() && t.get(after).is(Kind.PERCENT)) {
            value /= 100;
            form = Form.PERCENT;
            end = t.get(after).end();
            last = after;
        } else if (after < t.size() && t.get(after).is(Kind.WORD) && isPercentWord(t, after) > 0) {
            int words = isPercentWord(t, after);
            value /= 100;
            form = Form.PERCENT;
            last = after + words - 1;
            end = t.get(last).end();
        }
        // what directly follows: 2x, 2(x+1), 2nd
        if (last + 1 < t.size() && role == Role.VALUE) {
            MathToken next = t.get(last + 1);
            if (next.start() == t.get(last).end()) {
                if (next.is(Kind.WORD)) {
                    String w = next.text().toLowerCase(Locale.ROOT);
                    if (ORDINAL_SUFFIXES.contains(w)) role = Role.ORDINAL;
                    else if (Expressions.isVariableRun(next.text())) role = Role.COEFFICIENT;
                } else if (next.is(Kind.OPEN) || next.is(Kind.ROOT)) {
                    role = Role.COEFFICIENT;
                }
            }
        }
        out.add(new Mention(start, end, sign * value, form, role, decimals, text.substring(start, end)));
        return last + 1;
    }

    /** How many words from {@code at} spell "percent" ({@code percent}, {@code per cent}, {@code pour cent}), or 0. */
    private static int isPercentWord(List<MathToken> t, int at) {
        String w = t.get(at).text().toLowerCase(Locale.ROOT);
        if (w.equals("percent") || w.equals("pct") || w.equals("pourcent")) return 1;
        if ((w.equals("per") || w.equals("pour")) && at + 1 < t.size() && t.get(at + 1).text().equalsIgnoreCase("cent")) return 2;
        return 0;
    }

    private static int words(String text, List<MathToken> t, int i, List<Mention> out) {
        String w0 = t.get(i).text().toLowerCase(Locale.ROOT);
        if (!NumberWords.isNumberWord(w0) && !WORD_JOINERS.contains(w0)) return i + 1;
        // gather a window of words that may write one number (hyphens between adjacent words join them)
        List<String> words = new ArrayList<>();
        List<Integer> tokenOf = new ArrayList<>();
        int k = i;
        while (k < t.size() && words.size() < MAX_WORDS) {
            MathToken tk = t.get(k);
            if (tk.is(Kind.WORD)) {
                String w = tk.text().toLowerCase(Locale.ROOT);
                if (!NumberWords.isNumberWord(w) && !WORD_JOINERS.contains(w)) break;
                words.add(w);
                tokenOf.add(k);
                k++;
            } else if (tk.isOperator("-") && k > i && k + 1 < t.size() && t.get(k + 1).is(Kind.WORD)
                    && tk.start() == t.get(k - 1).end() && t.get(k + 1).start() == tk.end()) {
                k++;
            } else {
                break;
            }
        }
        // "12 minus five": a minus after a number is a subtraction
        int from = 0;
        if (!words.isEmpty() && (words.get(0).equals("minus") || words.get(0).equals("moins")) && i > 0 && isOperand(t.get(i - 1))) from = 1;
        for (int len = words.size() - from; len >= 1; len--) {
            List<String> candidate = words.subList(from, from + len);
            OptionalDouble v = NumberWords.parse(candidate);
            if (v.isEmpty()) continue;
            int firstTok = tokenOf.get(from);
            int lastTok = tokenOf.get(from + len - 1);
            double value = v.getAsDouble();
            Form form = Form.WORDS;
            int pct = lastTok + 1 < t.size() ? isPercentWord(t, lastTok + 1) : 0;
            if (pct > 0) {
                value /= 100;
                form = Form.PERCENT;
                lastTok += pct;
            }
            int start = t.get(firstTok).start();
            int end = t.get(lastTok).end();
            out.add(new Mention(start, end, value, form, Role.VALUE, 0, text.substring(start, end)));
            return lastTok + 1;
        }
        return i + 1;
    }

    /** Whether the minus at {@code k} is a sign rather than a subtraction. */
    private static boolean unaryAt(List<MathToken> t, int k) {
        return k == 0 || !isOperand(t.get(k - 1));
    }

    /** Whether a token ends an operand (so a following minus subtracts). */
    private static boolean isOperand(MathToken tok) {
        return switch (tok.kind()) {
            case NUMBER, CLOSE, PERCENT -> true;
            case WORD -> Expressions.isVariableRun(tok.text()) || NumberWords.isNumberWord(tok.text());
            default -> false;
        };
    }
}
