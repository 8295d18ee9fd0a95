package org.tutorgraph.answer;

import org.tutorgraph.answer.MathToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits any text (a learner's answer, a tutor's message, a prompt) into {@link MathToken}s, keeping each token's
 * offsets so that a match can be reported as a span of the original text. Whitespace separates tokens and is dropped.
 *
 * <p>Numbers: {@code 12}, {@code 0.5}, {@code .5}, {@code 1,200} (a comma followed by exactly three digits is a
 * thousands separator; {@code 1,2} is two numbers). A sign is never part of a number token: whether a minus is unary
 * is decided by the reader. Unicode superscripts {@code ²} and {@code ³} read as {@code ^2} and {@code ^3}.
 *
 * <p>O(n) in the length of the text.
 */
public final class MathLexer {

    private MathLexer() {
    }

    public static List<MathToken> lex(String text) {
        List<MathToken> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)) && !(i > 0 && isDigit(text.charAt(i - 1))))) {
                int end = number(text, i);
                out.add(new MathToken(Kind.NUMBER, text.substring(i, end).replace(",", ""), i, end));
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < n && Character.isLetter(text.charAt(end))) end++;
                out.add(new MathToken(Kind.WORD, text.substring(i, end), i, end));
                i = end;
            } else if (c == '\u00b2' || c == '\u00b3') {
                out.add(new MathToken(Kind.OPERATOR, "^", i, i));
                out.add(new MathToken(Kind.NUMBER, c == '\u00b2' ? "2" : "3", i, i + 1));
                i++;
            } else {
                out.add(symbol(c, i));
                i++;
            }
        }
        return out;
    }

    private static MathToken symbol(char c, int i) {
        String op = switch (c) {
            case '+' -> "+";
            case '-', '\u2212', '\u2013', '\u2012', '\u2010', '\u2011' -> "-";
            case '*', '\u00d7', '\u00b7', '\u22c5', '\u2219' -> "*";
            case '/', '\u00f7', '\u2044', '\u2215' -> "/";
            case '^' -> "^";
            default -> null;
        };
        if (op != null) return new MathToken(Kind.OPERATOR, op, i, i + 1);
        Kind kind = switch (c) {
            case '=' -> Kind.EQUALS;
            case '(', '[', '{' -> Kind.OPEN;
            case ')', ']', '}' -> Kind.CLOSE;
            case '%' -> Kind.PERCENT;
            case '\u221a' -> Kind.ROOT;
            default -> Kind.PUNCTUATION;
        };
        String text = switch (kind) {
            case OPEN -> "(";
            case CLOSE -> ")";
            default -> String.valueOf(c);
        };
        return new MathToken(kind, text, i, i + 1);
    }

    /** The end of the number starting at {@code i}: digits, thousands groups, one decimal part. */
    private static int number(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && isDigit(s.charAt(j))) j++;
        int intDigits = j - i;
        // thousands groups: only after 1-3 leading digits, each exactly three digits not followed by a fourth
        if (intDigits >= 1 && intDigits <= 3) {
            int k = j;
            while (k + 3 < n && s.charAt(k) == ',' && isDigit(s.charAt(k + 1)) && isDigit(s.charAt(k + 2)) && isDigit(s.charAt(k + 3))
                    && (k + 4 >= n || !isDigit(s.charAt(k + 4)))) {
                k += 4;
            }
            j = k;
        }
        if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
            j++;
            while (j < n && isDigit(s.charAt(j))) j++;
        }
        return j;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
