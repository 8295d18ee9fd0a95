package org.tutorgraph.answer;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads numbers written in French words, so that the leak guard sees {@code dix-neuf} in a French tutor's message and
 * the answer checker accepts {@code cinq} from a French learner:
 * <ul>
 *   <li>cardinals from zéro to the millions, with the French tens: {@code vingt et un}, {@code soixante-douze},
 *       {@code quatre-vingts}, {@code quatre-vingt-dix-neuf}, {@code deux cent trois}, {@code mille deux cents}; the
 *       Belgian and Swiss {@code septante}, {@code huitante}/{@code octante}, {@code nonante}; the 1990 spelling with
 *       hyphens everywhere ({@code vingt-et-un}); {@code un} and {@code une};</li>
 *   <li>fractions: {@code un demi}, {@code une demie}, {@code trois quarts}, {@code deux tiers}, {@code cinq
 *       huitièmes}, {@code sept dixièmes}, {@code trois centièmes};</li>
 *   <li>mixed numbers: {@code deux et demi}, {@code un et trois quarts};</li>
 *   <li>decimals: {@code deux virgule cinq}, {@code trois virgule vingt-cinq} (2.5, 3.25; the digits after
 *       {@code virgule} are read as written, {@code zéro cinq} is .05);</li>
 *   <li>a sign: {@code moins quatre}.</li>
 * </ul>
 * Words come lower-cased and split at spaces and hyphens ({@code NumberWords.parse} does that). Out of scope
 * (decided): ordinals on their own ({@code la troisième étape}), {@code la moitié}, {@code une dizaine}, scales above
 * a million. Parsing k words is O(k).
 */
final class FrenchNumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4),
            Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9));
    /** 10 to 16: what follows {@code soixante} and {@code quatre-vingt} to make 70–76 and 90–96. */
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("treize", 13),
            Map.entry("quatorze", 14), Map.entry("quinze", 15), Map.entry("seize", 16));
    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("vingt", 20), Map.entry("trente", 30), Map.entry("quarante", 40), Map.entry("cinquante", 50),
            Map.entry("soixante", 60), Map.entry("septante", 70), Map.entry("huitante", 80), Map.entry("octante", 80),
            Map.entry("nonante", 90));
    private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(
            Map.entry("demi", 2), Map.entry("demie", 2), Map.entry("demis", 2), Map.entry("demies", 2),
            Map.entry("tiers", 3), Map.entry("quart", 4), Map.entry("quarts", 4),
            Map.entry("cinquième", 5), Map.entry("cinquièmes", 5), Map.entry("sixième", 6), Map.entry("sixièmes", 6),
            Map.entry("septième", 7), Map.entry("septièmes", 7), Map.entry("huitième", 8), Map.entry("huitièmes", 8),
            Map.entry("neuvième", 9), Map.entry("neuvièmes", 9), Map.entry("dixième", 10), Map.entry("dixièmes", 10),
            Map.entry("onzième", 11), Map.entry("onzièmes", 11), Map.entry("douzième", 12), Map.entry("douzièmes", 12),
            Map.entry("vingtième", 20), Map.entry("vingtièmes", 20), Map.entry("centième", 100), Map.entry("centièmes", 100),
            Map.entry("millième", 1000), Map.entry("millièmes", 1000));
    private static final Set<String> OTHERS = Set.of("zéro", "zero", "cent", "cents", "mille", "million", "millions", "vingts");

    private FrenchNumberWords() {
    }

    /** Whether {@code word} (lower case) can be part of a French number ({@code et}, {@code virgule}, {@code moins} join). */
    static boolean isNumberWord(String word) {
        return UNITS.containsKey(word) || TEENS.containsKey(word) || TENS.containsKey(word) || OTHERS.contains(word)
                || DENOMINATORS.containsKey(word);
    }

    /** The value of lower-case words that together write one number, or empty. */
    static OptionalDouble parse(List<String> w) {
        if (w.isEmpty()) return OptionalDouble.empty();
        double sign = 1;
        int i = 0;
        if (w.get(0).equals("moins")) {
            sign = -1;
            i = 1;
        }
        if (i >= w.size()) return OptionalDouble.empty();
        List<String> rest = w.subList(i, w.size());
        // "deux et demi", "un et trois quarts": a whole part, "et", a fraction below one
        for (int and = rest.indexOf("et"); and > 0; and = indexOf(rest, "et", and + 1)) {
            OptionalDouble whole = cardinal(rest.subList(0, and));
            List<String> after = rest.subList(and + 1, rest.size());
            OptionalDouble frac = after.size() == 1 && DENOMINATORS.get(after.get(0)) != null && DENOMINATORS.get(after.get(0)) == 2
                    ? OptionalDouble.of(0.5) : fraction(after);
            if (whole.isPresent() && frac.isPresent() && frac.getAsDouble() < 1) {
                return OptionalDouble.of(sign * (whole.getAsDouble() + frac.getAsDouble()));
            }
        }
        OptionalDouble f = fraction(rest);
        if (f.isPresent()) return OptionalDouble.of(sign * f.getAsDouble());
        int comma = rest.indexOf("virgule");
        if (comma > 0) {
            OptionalDouble whole = cardinal(rest.subList(0, comma));
            String digits = decimals(rest.subList(comma + 1, rest.size()));
            if (whole.isEmpty() || digits.isEmpty()) return OptionalDouble.empty();
            return OptionalDouble.of(sign * Double.parseDouble((long) whole.getAsDouble() + "." + digits));
        }
        OptionalDouble c = cardinal(rest);
        return c.isPresent() ? OptionalDouble.of(sign * c.getAsDouble()) : OptionalDouble.empty();
    }

    private static int indexOf(List<String> w, String word, int from) {
        for (int k = from; k < w.size(); k++) if (w.get(k).equals(word)) return k;
        return -1;
    }

    /** {@code un quart}, {@code trois quarts}, {@code cinq huitièmes}: a cardinal numerator, then a denominator. */
    private static OptionalDouble fraction(List<String> w) {
        if (w.size() < 2) return OptionalDouble.empty();
        Integer den = DENOMINATORS.get(w.get(w.size() - 1));
        if (den == null) return OptionalDouble.empty();
        OptionalDouble num = cardinal(w.subList(0, w.size() - 1));
        if (num.isEmpty() || num.getAsDouble() == 0) return OptionalDouble.empty();
        return OptionalDouble.of(num.getAsDouble() / den);
    }

    /** The digits after {@code virgule}: single digits ({@code zéro cinq}) or one number below 1000 ({@code vingt-cinq}). */
    private static String decimals(List<String> w) {
        if (w.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < w.size() && (w.get(k).equals("zéro") || w.get(k).equals("zero"))) {
            sb.append('0');
            k++;
        }
        if (k == w.size()) return sb.toString();
        OptionalDouble c = cardinal(w.subList(k, w.size()));
        if (c.isEmpty() || c.getAsDouble() >= 1000) return "";
        return sb.append((long) c.getAsDouble()).toString();
    }

    /** States of the cardinal reader: what the last word was. */
    private enum Last { START, UNIT, TEN, SOIXANTE, QUATRE_VINGT, DIX, TEEN, ET, HUNDRED, SCALE }

    /**
     * A cardinal, checking the order of its words so that {@code cinq six} or {@code vingt trente} are not numbers.
     * {@code soixante-dix}, {@code quatre-vingt-onze}, {@code deux cent mille} are.
     */
    static OptionalDouble cardinal(List<String> w) {
        if (w.isEmpty()) return OptionalDouble.empty();
        if (w.size() == 1 && (w.get(0).equals("zéro") || w.get(0).equals("zero"))) return OptionalDouble.of(0);
        long total = 0;     // thousands and millions already closed
        long group = 0;     // the part below the next scale word
        long lastScale = Long.MAX_VALUE;
        Last last = Last.START;
        for (String s : w) {
            Integer unit = UNITS.get(s);
            Integer teen = TEENS.get(s);
            Integer ten = TENS.get(s);
            if (unit != null) {
                if (last == Last.DIX && unit >= 7) {
                    group += unit;           // dix-sept, dix-huit, dix-neuf (and 77–79, 97–99)
                    last = Last.TEEN;
                } else if (last == Last.ET && unit == 1 || last == Last.START || last == Last.HUNDRED || last == Last.SCALE
                        || last == Last.QUATRE_VINGT || (last == Last.TEN && unit > 1) || (last == Last.SOIXANTE && unit > 1)) {
                    group += unit;
                    last = Last.UNIT;
                } else {
                    return OptionalDouble.empty();
                }
            } else if (teen != null) {
                boolean afterSixtyOrEighty = last == Last.SOIXANTE || last == Last.QUATRE_VINGT;
                boolean fresh = last == Last.START || last == Last.HUNDRED || last == Last.SCALE;
                boolean soixanteEtOnze = last == Last.ET && teen == 11 && group % 100 == 60;
                if (!afterSixtyOrEighty && !fresh && !soixanteEtOnze) return OptionalDouble.empty();
                group += teen;
                last = teen == 10 ? Last.DIX : Last.TEEN;
            } else if (ten != null) {
                if (s.equals("vingt") && last == Last.UNIT && group % 100 == 4) {
                    group += 76;             // quatre-vingt: 4 becomes 80
                    last = Last.QUATRE_VINGT;
                } else if (last == Last.START || last == Last.HUNDRED || last == Last.SCALE) {
                    group += ten;
                    last = ten == 60 ? Last.SOIXANTE : Last.TEN;
                } else {
                    return OptionalDouble.empty();
                }
            } else if (s.equals("vingts")) {
                if (last != Last.UNIT || group % 100 != 4) return OptionalDouble.empty();
                group += 76;
                last = Last.QUATRE_VINGT;
            } else if (s.equals("et")) {
                if (last != Last.TEN && last != Last.SOIXANTE) return OptionalDouble.empty();
                last = Last.ET;
            } else if (s.equals("cent") || s.equals("cents")) {
                long below = group % 1000;
                if (below >= 10 || last == Last.HUNDRED || (below <= 1 && s.equals("cents"))) return OptionalDouble.empty();
                if (below == 1) return OptionalDouble.empty(); // "un cent" is not French: it is "cent"
                group = group - below + (below == 0 ? 1 : below) * 100;
                last = Last.HUNDRED;
            } else if (s.equals("mille") || s.equals("million") || s.equals("millions")) {
                long scale = s.equals("mille") ? 1_000 : 1_000_000;
                if (scale >= lastScale || last == Last.ET) return OptionalDouble.empty();
                if (s.equals("mille") && group == 1) return OptionalDouble.empty(); // "un mille" is "mille"
                if (scale == 1_000_000 && group == 0) return OptionalDouble.empty(); // "un million", not "million"
                if (s.equals("millions") && group < 2) return OptionalDouble.empty();
                total += (group == 0 ? 1 : group) * scale;
                group = 0;
                lastScale = scale;
                last = Last.SCALE;
            } else {
                return OptionalDouble.empty();
            }
        }
        if (last == Last.ET) return OptionalDouble.empty();
        return OptionalDouble.of(total + group);
    }
}
