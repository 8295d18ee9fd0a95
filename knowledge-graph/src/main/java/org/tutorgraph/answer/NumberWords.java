package org.tutorgraph.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads numbers written in English words, the forms a learner types and a tutor says:
 * <ul>
 *   <li>cardinals from zero to the millions: {@code five}, {@code twenty-one}, {@code a hundred and five},
 *       {@code three thousand two hundred};</li>
 *   <li>simple fractions: {@code one half}, {@code a half}, {@code three quarters}, {@code two thirds},
 *       {@code five eighths}, {@code seven tenths} (the learner's {@code three fourth} too);</li>
 *   <li>mixed numbers: {@code one and a half}, {@code two and three quarters};</li>
 *   <li>decimals said digit by digit: {@code two point five};</li>
 *   <li>a sign: {@code negative four}, {@code minus four}.</li>
 * </ul>
 * French number words are read too ({@link FrenchNumberWords}: {@code vingt et un}, {@code quatre-vingt-dix},
 * {@code trois quarts}, {@code deux virgule cinq}, {@code moins quatre}): the guard checks French tutors' messages and
 * the checker reads French learners' answers. The two vocabularies hardly overlap ({@code six} means 6 in both), so a
 * text is read in either without knowing its language.
 * Out of scope (decided): ordinals on their own ({@code the third step} is not 1/3), a bare {@code half}, {@code dozen},
 * scales above a million, other languages. Percent words ({@code fifty percent}, {@code cinquante pour cent}) are
 * handled by {@link NumberScanner}.
 *
 * <p>Parsing a list of k words is O(k).
 */
public final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> SCALES = Map.of("thousand", 1_000, "million", 1_000_000);
    private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(
            Map.entry("half", 2), Map.entry("halves", 2), Map.entry("third", 3), Map.entry("thirds", 3),
            Map.entry("quarter", 4), Map.entry("quarters", 4), Map.entry("fourth", 4), Map.entry("fourths", 4),
            Map.entry("fifth", 5), Map.entry("fifths", 5), Map.entry("sixth", 6), Map.entry("sixths", 6),
            Map.entry("seventh", 7), Map.entry("sevenths", 7), Map.entry("eighth", 8), Map.entry("eighths", 8),
            Map.entry("ninth", 9), Map.entry("ninths", 9), Map.entry("tenth", 10), Map.entry("tenths", 10),
            Map.entry("eleventh", 11), Map.entry("elevenths", 11), Map.entry("twelfth", 12), Map.entry("twelfths", 12),
            Map.entry("twentieth", 20), Map.entry("twentieths", 20), Map.entry("hundredth", 100), Map.entry("hundredths", 100),
            Map.entry("thousandth", 1000), Map.entry("thousandths", 1000));

    private NumberWords() {
    }

    /** Whether {@code word} can be part of a number written in words, English or French (to find where one starts). */
    public static boolean isNumberWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return UNITS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w) || SCALES.containsKey(w)
                || w.equals("hundred") || DENOMINATORS.containsKey(w) || FrenchNumberWords.isNumberWord(w);
    }

    /** The value of a whole text written in number words ({@code "twenty-one"}, {@code "one and a half"}), or empty. */
    public static OptionalDouble parse(String text) {
        if (text == null) return OptionalDouble.empty();
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\-\u2010\u2011\u2013]", " ");
        if (t.isEmpty() || !t.matches("[\\p{L} ]+")) return OptionalDouble.empty();
        return parse(List.of(t.split("\\s+")));
    }

    /** The value of a list of words that together write one number (English, else French), or empty. */
    public static OptionalDouble parse(List<String> words) {
        if (words.isEmpty()) return OptionalDouble.empty();
        List<String> w = new ArrayList<>(words.size());
        for (String s : words) w.add(s.toLowerCase(Locale.ROOT));
        OptionalDouble english = english(w);
        return english.isPresent() ? english : FrenchNumberWords.parse(w);
    }

    private static OptionalDouble english(List<String> w) {
        double sign = 1;
        int i = 0;
        if (w.get(0).equals("negative") || w.get(0).equals("minus")) {
            sign = -1;
            i = 1;
        }
        if (i >= w.size()) return OptionalDouble.empty();
        // "one and a half", "two and three quarters": a whole part, "and", a fraction
        int and = w.indexOf("and");
        while (and >= 0) {
            List<String> whole = w.subList(i, and);
            List<String> frac = w.subList(and + 1, w.size());
            OptionalDouble f = fraction(frac);
            OptionalDouble c = cardinal(whole);
            if (f.isPresent() && c.isPresent() && !whole.isEmpty() && f.getAsDouble() < 1) {
                return OptionalDouble.of(sign * (c.getAsDouble() + f.getAsDouble()));
            }
            int next = w.subList(and + 1, w.size()).indexOf("and");
            and = next < 0 ? -1 : and + 1 + next;
        }
        List<String> rest = w.subList(i, w.size());
        OptionalDouble f = fraction(rest);
        if (f.isPresent()) return OptionalDouble.of(sign * f.getAsDouble());
        int point = rest.indexOf("point");
        if (point > 0) {
            OptionalDouble whole = cardinal(rest.subList(0, point));
            List<String> digits = rest.subList(point + 1, rest.size());
            if (whole.isEmpty() || digits.isEmpty()) return OptionalDouble.empty();
            StringBuilder sb = new StringBuilder();
            for (String d : digits) {
                Integer u = UNITS.get(d);
                if (u == null) return OptionalDouble.empty();
                sb.append(u);
            }
            return OptionalDouble.of(sign * Double.parseDouble((long) whole.getAsDouble() + "." + sb));
        }
        OptionalDouble c = cardinal(rest);
        return c.isPresent() ? OptionalDouble.of(sign * c.getAsDouble()) : OptionalDouble.empty();
    }

    /** {@code one half}, {@code a quarter}, {@code three quarters}, {@code five eighths}: numerator then denominator. */
    private static OptionalDouble fraction(List<String> w) {
        if (w.size() < 2) return OptionalDouble.empty();
        Integer den = DENOMINATORS.get(w.get(w.size() - 1));
        if (den == null) return OptionalDouble.empty();
        List<String> num = w.subList(0, w.size() - 1);
        double n;
        if (num.size() == 1 && (num.get(0).equals("a") || num.get(0).equals("an"))) {
            n = 1;
        } else {
            OptionalDouble c = cardinal(num);
            if (c.isEmpty() || c.getAsDouble() == 0) return OptionalDouble.empty();
            n = c.getAsDouble();
        }
        return OptionalDouble.of(n / den);
    }

    /**
     * A cardinal, checking the order of its words so that {@code five six} or {@code twenty thirty} are not numbers.
     * {@code a hundred}, {@code one hundred and five}, {@code two thousand and twelve} are.
     */
    private static OptionalDouble cardinal(List<String> w) {
        if (w.isEmpty()) return OptionalDouble.empty();
        long total = 0;
        long current = 0;
        long lastScale = Long.MAX_VALUE;
        String last = "start"; // start, unit, teen, ten, hundred, scale, and, a
        for (int i = 0; i < w.size(); i++) {
            String s = w.get(i);
            if (s.equals("and")) {
                if (!last.equals("hundred") && !last.equals("scale")) return OptionalDouble.empty();
                if (i == w.size() - 1) return OptionalDouble.empty();
                last = "and";
            } else if ((s.equals("a") || s.equals("an")) && i == 0) {
                last = "a";
            } else if (UNITS.containsKey(s)) {
                if (last.equals("unit") || last.equals("teen") || last.equals("a")) return OptionalDouble.empty();
                if (s.equals("zero") && w.size() > 1) return OptionalDouble.empty();
                current += UNITS.get(s);
                last = "unit";
            } else if (TEENS.containsKey(s)) {
                if (last.equals("unit") || last.equals("teen") || last.equals("ten") || last.equals("a")) return OptionalDouble.empty();
                current += TEENS.get(s);
                last = "teen";
            } else if (TENS.containsKey(s)) {
                if (last.equals("unit") || last.equals("teen") || last.equals("ten") || last.equals("a")) return OptionalDouble.empty();
                current += TENS.get(s);
                last = "ten";
            } else if (s.equals("hundred")) {
                if (last.equals("hundred") || last.equals("ten") || last.equals("and")) return OptionalDouble.empty();
                if (current >= 100) return OptionalDouble.empty();
                current = (current == 0 ? 1 : current) * 100;
                last = "hundred";
            } else if (SCALES.containsKey(s)) {
                if (last.equals("start") || last.equals("and") || last.equals("scale")) return OptionalDouble.empty();
                long scale = SCALES.get(s);
                if (scale >= lastScale) return OptionalDouble.empty();
                lastScale = scale;
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
                last = "scale";
            } else {
                return OptionalDouble.empty();
            }
        }
        if (last.equals("a")) return OptionalDouble.empty();
        return OptionalDouble.of(total + current);
    }
}
