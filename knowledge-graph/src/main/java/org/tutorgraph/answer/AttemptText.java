package org.tutorgraph.answer;

import org.tutorgraph.answer.MathToken.Kind;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans what a learner typed before it is graded: {@code "I think it's 3/4."} is {@code 3/4}; {@code "idk"} is no
 * answer; {@code "5 or 6"} is two answers.
 */
public final class AttemptText {

    /** Longer attempts are not graded (they are refused as unreadable, never parsed). */
    public static final int MAX_LENGTH = 300;

    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:so|well|ok|okay|um+|uh+|hmm+|euh+|bon|alors|ben)[,\\s]+)?"
                    + "(?:(?:i think|i believe|i guess|i got|i get|i have|i'd say|i would say|my (?:final )?answer is|my answer'?s|"
                    + "the (?:final )?answer is|the answer'?s|final answer|answer|it'?s|it is|is it|that'?s|that is|maybe|probably|perhaps"
                    + "|je pense que|je crois que|je dirais|j'ai trouvé|je trouve|ma réponse est|ma réponse|la réponse est|réponse"
                    + "|c'est|ça fait|peut-être)"
                    + "\\s*[:,=]?\\s*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "[,\\s]+(?:i think|i guess|maybe|probably|right|correct|is it|is that right|am i right"
                    + "|je pense|je crois|peut-être|non|c'est ça|c'est juste)\\s*[?.!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> NON_ANSWERS = Set.of(
            "", "idk", "i dont know", "i don't know", "i do not know", "dont know", "don't know", "dunno", "no idea",
            "i have no idea", "not sure", "i'm not sure", "im not sure", "no clue", "i have no clue", "pass", "skip",
            "?", "??", "???", "i give up", "give up", "no answer",
            // French
            "je sais pas", "je ne sais pas", "sais pas", "jsp", "chais pas", "aucune idée", "j'en sais rien",
            "je n'en sais rien", "pas sûr", "pas sûre", "je ne suis pas sûr", "je ne suis pas sûre", "je passe", "passe",
            "j'abandonne", "aucune réponse", "je donne ma langue au chat");

    private AttemptText() {
    }

    /**
     * The answer in what the learner typed: Unicode compatibility forms, spacing, surrounding quotes, trailing
     * {@code . ! ?} and fillers ({@code the answer is}, {@code I think}, {@code maybe}) removed.
     */
    public static String clean(String raw) {
        if (raw == null) return "";
        String s = Normalizer.normalize(superscripts(raw), Normalizer.Form.NFKC).replace('\u2019', '\'').strip().replaceAll("\\s+", " ");
        for (int round = 0; round < 3; round++) {
            String before = s;
            s = s.replaceAll("^[\"'`]+|[\"'`]+$", "").strip();
            s = TRAILING_FILLER.matcher(s).replaceAll("").strip();
            s = s.replaceAll("[.!?]+$", "").strip();
            String stripped = LEADING_FILLER.matcher(s).replaceAll("").strip();
            if (!stripped.isEmpty()) s = stripped;
            if (s.equals(before)) break;
        }
        return s;
    }

    /** {@code x²} → {@code x^2} before compatibility normalisation would turn it into {@code x2}. */
    public static String superscripts(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inExponent = false;
        for (int i = 0; i < text.length(); i++) {
            int d = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079".indexOf(text.charAt(i));
            if (d >= 0) {
                if (!inExponent) sb.append('^');
                sb.append((char) ('0' + d));
                inExponent = true;
            } else {
                sb.append(text.charAt(i));
                inExponent = false;
            }
        }
        return sb.toString();
    }

    /** Whether the cleaned text says "no answer" ({@code idk}, {@code no idea}, blank, {@code ?}). */
    public static boolean isNonAnswer(String cleaned) {
        String s = cleaned.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
        return NON_ANSWERS.contains(s) || NON_ANSWERS.contains(s.replace("'", ""));
    }

    /**
     * The parts of an attempt that lists several answers, split at top-level commas, semicolons, {@code and},
     * {@code or} and {@code &} (not inside brackets; a thousands separator such as {@code 1,200} does not split).
     * One part when there is nothing to split.
     */
    public static List<String> parts(String cleaned) {
        List<MathToken> tokens = MathLexer.lex(cleaned);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (MathToken t : tokens) {
            if (t.is(Kind.OPEN)) depth++;
            if (t.is(Kind.CLOSE)) depth = Math.max(0, depth - 1);
            boolean separator = depth == 0 && ((t.is(Kind.PUNCTUATION) && (t.text().equals(",") || t.text().equals(";") || t.text().equals("&")))
                    || (t.is(Kind.WORD) && (t.text().equalsIgnoreCase("and") || t.text().equalsIgnoreCase("or"))));
            if (separator) {
                String part = cleaned.substring(from, t.start()).strip();
                if (!part.isEmpty()) out.add(part);
                from = t.end();
            }
        }
        String last = cleaned.substring(Math.min(from, cleaned.length())).strip();
        if (!last.isEmpty()) out.add(last);
        if (out.isEmpty()) out.add(cleaned);
        return out;
    }
}
