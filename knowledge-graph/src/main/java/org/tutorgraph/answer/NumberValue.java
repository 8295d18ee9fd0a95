package org.tutorgraph.answer;

import org.tutorgraph.answer.MathToken.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A number as a learner, a key or a tutor wrote it: its value, whether it was a percent, and how many decimal places
 * it showed (for the rounding rule). Shared by {@link AnswerChecker} and the answer-leak guard, so that both read
 * numbers alike.
 *
 * @param value    the value (a percent reads as its value: {@code 40% → 0.4})
 * @param percent  whether it was written as a percent
 * @param decimals decimal places shown ({@code 0.33 → 2}); 0 for integers, fractions and words; −1 when computed
 */
public record NumberValue(double value, boolean percent, int decimals) {

    /** A plain value (no percent, no shown decimals). */
    public static NumberValue of(double value) {
        return new NumberValue(value, false, 0);
    }

    /** The value of a scanned mention. */
    public static NumberValue of(NumberScanner.Mention m) {
        return new NumberValue(m.value(), m.form() == NumberScanner.Form.PERCENT, m.form() == NumberScanner.Form.WORDS ? 0 : m.decimals());
    }

    /**
     * Whether {@code other} (an attempt, or a number in a tutor's message) is the number {@code key}: equal within
     * the tolerance (exact up to rounding noise when it is 0); for a percent key also its bare number ({@code 40} for
     * {@code 40%}); and, with no tolerance set, a decimal of at least two places that is the key correctly rounded,
     * when the key cannot be written out in a few places ({@code 0.33} and {@code 33%} for {@code 1/3}, never
     * {@code 0.3}; but {@code 0.38} is not {@code 0.375}).
     */
    public static boolean matches(NumberValue key, NumberValue other, double tolerance) {
        // a number beyond double range (400 digits, 1e999) is no value at all: it matches nothing
        if (!Double.isFinite(key.value()) || !Double.isFinite(other.value())) return false;
        if (equal(key.value(), other.value(), tolerance)) return true;
        if (key.percent() && !other.percent() && equal(key.value() * 100, other.value(), tolerance)) return true;
        if (tolerance > 0 || other.decimals() < 0) return false;
        boolean shownAsDecimal = other.decimals() > 0 || other.percent();
        int places = other.decimals() + (other.percent() ? 2 : 0);
        if (shownAsDecimal && places >= 2 && places <= 12 && !terminatesEarly(key.value())) {
            BigDecimal exact = BigDecimal.valueOf(key.value());
            BigDecimal rounded = exact.setScale(places, RoundingMode.HALF_UP);
            if (rounded.compareTo(exact) != 0 && Equivalence.close(rounded.doubleValue(), other.value())) return true;
        }
        return false;
    }

    /**
     * Whether a value is a short terminating decimal (at most {@value #EXACT_PLACES} places: {@code 0.375}), which must
     * then be given exactly; rounding is for values such as {@code 1/3} or {@code √2} that cannot be written out.
     */
    static boolean terminatesEarly(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().scale() <= EXACT_PLACES;
    }

    private static final int EXACT_PLACES = 6;

    private static boolean equal(double a, double b, double tolerance) {
        if (tolerance > 0) return Math.abs(a - b) <= tolerance + 1e-12 * Math.max(1, Math.abs(a));
        return Equivalence.close(a, b);
    }

    /**
     * The one number in a text that holds nothing else but a leading {@code x =}, a currency sign and trailing words
     * ({@code $500}, {@code 10 spoons}); or a whole text in number words ({@code one and a half}). Empty otherwise.
     */
    public static Optional<NumberValue> read(String text) {
        String s = stripVariablePrefix(text).strip();
        if (s.isEmpty()) return Optional.empty();
        OptionalDouble strict = Numbers.parse(s);
        if (strict.isPresent()) {
            return Optional.of(new NumberValue(strict.getAsDouble(), Numbers.isPercent(s), decimalsOf(s)));
        }
        List<MathToken> tokens = MathLexer.lex(s);
        List<NumberScanner.Mention> mentions = NumberScanner.scan(s, tokens);
        if (mentions.size() != 1) return Optional.empty();
        NumberScanner.Mention m = mentions.get(0);
        if (m.role() != NumberScanner.Role.VALUE) return Optional.empty();
        for (MathToken t : tokens) {
            if (t.start() >= m.start() && t.end() <= m.end()) continue;
            boolean before = t.end() <= m.start();
            if (before && t.is(Kind.PUNCTUATION) && "$\u20ac\u00a3".contains(t.text())) continue;
            if (!before && t.is(Kind.WORD) && t.text().length() > 1) continue;
            if (!before && t.is(Kind.PUNCTUATION) && t.text().equals(".")) continue;
            return Optional.empty();
        }
        return Optional.of(of(m));
    }

    /**
     * A text that is nothing but one number: digits in an accepted form ({@link Numbers#parse}) or number words
     * ({@link NumberWords#parse}), an optional {@code x =} before it. {@code ten thousands} is not a number here
     * (where {@link #read} would read {@code 10} with a unit).
     */
    public static Optional<NumberValue> readExact(String text) {
        String s = stripVariablePrefix(text).strip();
        OptionalDouble strict = Numbers.parse(s);
        if (strict.isPresent()) return Optional.of(new NumberValue(strict.getAsDouble(), Numbers.isPercent(s), decimalsOf(s)));
        OptionalDouble words = NumberWords.parse(s);
        if (words.isPresent()) return Optional.of(new NumberValue(words.getAsDouble(), false, 0));
        return Optional.empty();
    }

    private static int decimalsOf(String s) {
        String t = s.strip().replace("%", "").strip();
        if (!t.matches("[+-]?[\\d,]*\\.\\d+")) return 0;
        return t.length() - t.indexOf('.') - 1;
    }

    /** {@code x = 5} → {@code 5}; {@code f(x) = 2x} → {@code 2x}. */
    public static String stripVariablePrefix(String text) {
        return text.replaceFirst("^\\s*[A-Za-z]{1,2}(?:\\s*\\(\\s*[A-Za-z]\\s*\\))?\\s*=\\s*(?=\\S)", "");
    }
}
