package org.tutorgraph.answer;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways people write a number: integers ({@code -12}, {@code 1,200}), decimals ({@code .5}, {@code 0.50}),
 * fractions ({@code 3/4}, {@code -3/4}), mixed numbers ({@code 1 1/2}), percents ({@code 50%}) and scientific
 * notation ({@code 1e3}). A percent reads as its value ({@code 50% → 0.5}).
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?");
    private static final Pattern FRACTION = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern MIXED = Pattern.compile("([+-]?)(\\d+)\\s+(\\d+)\\s*/\\s*(\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?[eE][+-]?\\d{1,3}");

    private Numbers() {
    }

    /**
     * The value of {@code text}, or empty when it is not a number in one of the accepted forms or lies beyond double
     * range ({@code 1e400}, 400 digits): such a "number" cannot be compared with anything.
     */
    public static OptionalDouble parse(String text) {
        OptionalDouble v = parseAny(text);
        return v.isPresent() && !Double.isFinite(v.getAsDouble()) ? OptionalDouble.empty() : v;
    }

    private static OptionalDouble parseAny(String text) {
        if (text == null) return OptionalDouble.empty();
        String s = normalise(text);
        if (s.isEmpty()) return OptionalDouble.empty();
        boolean percent = s.endsWith("%");
        if (percent) s = s.substring(0, s.length() - 1).trim();
        OptionalDouble v = parsePlain(s);
        if (v.isEmpty() || !percent) return v;
        return OptionalDouble.of(v.getAsDouble() / 100.0);
    }

    /** Whether {@code text} is written as a percent. */
    public static boolean isPercent(String text) {
        return text != null && normalise(text).endsWith("%");
    }

    /** Unicode minus and non-breaking spaces to ASCII; a leading '+' or a trailing '.' are harmless. */
    static String normalise(String text) {
        String s = text.strip()
                .replace('\u2212', '-').replace('\u2013', '-').replace('\u00a0', ' ').replace('\u2009', ' ')
                .replace('\u2044', '/').replace('\u00f7', '/');
        if (s.endsWith(".") && s.length() > 1 && Character.isDigit(s.charAt(s.length() - 2))) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static OptionalDouble parsePlain(String s) {
        if (s.isEmpty()) return OptionalDouble.empty();
        if (DECIMAL.matcher(s).matches()) {
            String digits = s.replace(",", "");
            if (digits.equals("+") || digits.equals("-") || digits.equals(".") || digits.isEmpty()) return OptionalDouble.empty();
            return OptionalDouble.of(Double.parseDouble(digits));
        }
        Matcher m = MIXED.matcher(s);
        if (m.matches()) {
            double den = Double.parseDouble(m.group(4));
            if (den == 0) return OptionalDouble.empty();
            double v = Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)) / den;
            return OptionalDouble.of(m.group(1).equals("-") ? -v : v);
        }
        m = FRACTION.matcher(s);
        if (m.matches()) {
            double den = Double.parseDouble(m.group(3));
            if (den == 0) return OptionalDouble.empty();
            double v = Double.parseDouble(m.group(2)) / den;
            return OptionalDouble.of(m.group(1).equals("-") ? -v : v);
        }
        if (SCIENTIFIC.matcher(s).matches()) return OptionalDouble.of(Double.parseDouble(s));
        return OptionalDouble.empty();
    }
}
