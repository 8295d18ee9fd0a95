package org.tutorgraph.cli.eval;

import org.tutorgraph.answer.MathLexer;
import org.tutorgraph.answer.MathToken;
import org.tutorgraph.answer.MathToken.Kind;

import java.util.List;
import java.util.Locale;

/**
 * The ground-truth rule of the guard benchmark: does a text contain an answer verbatim, as whole tokens? Both are cut
 * into tokens ({@link MathLexer}: spacing does not matter, {@code 4x + 12} is {@code 4x+12}; {@code ×}, {@code ·} and
 * {@code *} are one operator) and the answer's tokens must appear in a row, compared case-insensitively. An occurrence
 * counts only where it stands as itself: not glued to a letter or digit ({@code 5} is not in {@code 5x}, {@code x5} or
 * {@code 5th}; {@code 5.5} and {@code 25} are single tokens anyway), not as an exponent ({@code x^2}), a number not as
 * one half of a fraction ({@code 3} is not in {@code 3/4}), and not after a sign that makes it another number
 * ({@code 35} is not in {@code x = -35}). For an answer written {@code x = value}, the value alone counts too.
 *
 * <p>This is deliberately independent of the guard's reading (no equivalent forms, no prompt context): it is the
 * label the guard is scored against.
 */
final class Verbatim {

    private Verbatim() {
    }

    static boolean contains(String text, String answer) {
        List<MathToken> t = MathLexer.lex(text);
        List<MathToken> a = MathLexer.lex(answer);
        while (!a.isEmpty() && a.get(a.size() - 1).is(Kind.PUNCTUATION) && a.get(a.size() - 1).text().equals(".")) a = a.subList(0, a.size() - 1);
        if (a.isEmpty()) return false;
        if (occurs(t, a)) return true;
        // x = 5: the value alone
        if (a.size() >= 3 && a.get(0).is(Kind.WORD) && a.get(0).text().length() == 1 && a.get(1).is(Kind.EQUALS)) {
            return occurs(t, a.subList(2, a.size()));
        }
        return false;
    }

    private static boolean occurs(List<MathToken> t, List<MathToken> a) {
        for (int i = 0; i + a.size() <= t.size(); i++) {
            boolean same = true;
            for (int k = 0; k < a.size() && same; k++) same = text(t.get(i + k)).equals(text(a.get(k)));
            if (same && standsAlone(t, i, i + a.size(), a)) return true;
        }
        return false;
    }

    private static boolean standsAlone(List<MathToken> t, int from, int to, List<MathToken> a) {
        boolean numericStart = a.get(0).is(Kind.NUMBER);
        boolean numericEnd = a.get(a.size() - 1).is(Kind.NUMBER);
        if (from > 0) {
            MathToken prev = t.get(from - 1);
            boolean glued = prev.end() == t.get(from).start();
            if (glued && (prev.is(Kind.WORD) || prev.is(Kind.NUMBER)) && (a.get(0).is(Kind.WORD) || a.get(0).is(Kind.NUMBER))) return false;
            if (prev.isOperator("^")) return false;
            if (numericStart && prev.isOperator("/")) return false;
            if (numericStart && prev.isOperator("-") && (from < 2 || !isOperand(t.get(from - 2)))) return false;
            if (numericStart && prev.is(Kind.PUNCTUATION) && prev.text().equals(".") && glued) return false;
        }
        if (to < t.size()) {
            MathToken next = t.get(to);
            boolean glued = next.start() == t.get(to - 1).end();
            MathToken last = a.get(a.size() - 1);
            if (glued && (next.is(Kind.WORD) || next.is(Kind.NUMBER)) && (last.is(Kind.WORD) || last.is(Kind.NUMBER))) return false;
            if (numericEnd && next.isOperator("/")) return false;
        }
        return true;
    }

    private static boolean isOperand(MathToken tok) {
        return tok.is(Kind.NUMBER) || tok.is(Kind.CLOSE) || (tok.is(Kind.WORD) && tok.text().length() == 1);
    }

    private static String text(MathToken tok) {
        return tok.text().toLowerCase(Locale.ROOT);
    }
}
