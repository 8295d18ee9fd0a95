package org.tutorgraph.answer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises free-text answers so that spelling variants a person would accept compare equal: Unicode compatibility
 * forms, case, punctuation, spacing and a leading article ({@code "The Distributive property."} equals
 * {@code "distributive property"}). Articles inside the text are kept (they can matter: {@code "a function of x"}).
 */
public final class TextAnswers {

    private TextAnswers() {
    }

    /** The normalised form: NFKC, lower case, punctuation and hyphens as spaces (a decimal point kept), spaces collapsed, no leading article. */
    public static String normalise(String text) {
        if (text == null) return "";
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replaceAll("(?<=\\d)\\.(?=\\d)", "\u0000");
        s = s.replaceAll("[^\\p{L}\\p{N}%\u0000]+", " ").replace('\u0000', '.').strip();
        s = s.replaceAll("^(?:the|a|an) ", "");
        return s;
    }

    /**
     * Whether {@code attempt} is {@code key} up to normalisation and a small typo: one edit for keys of 5 to 11
     * characters, two for longer ones, none for shorter keys, and never on the first letter (so {@code rational} never
     * matches {@code irrational}).
     */
    public static boolean matches(String key, String attempt) {
        String k = normalise(key);
        String a = normalise(attempt);
        if (k.isEmpty() || a.isEmpty()) return false;
        if (k.equals(a)) return true;
        int allowed = k.length() >= 12 ? 2 : k.length() >= 5 ? 1 : 0;
        if (allowed == 0 || Math.abs(k.length() - a.length()) > allowed) return false;
        // a typo keeps the first letter; a different first letter is a different word (rational / irrational)
        if (k.charAt(0) != a.charAt(0)) return false;
        if (k.chars().anyMatch(Character::isDigit) || a.chars().anyMatch(Character::isDigit)) return false;
        return EditDistance.levenshtein(k, a, allowed) <= allowed;
    }
}
