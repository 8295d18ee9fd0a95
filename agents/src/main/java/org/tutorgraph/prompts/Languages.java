package org.tutorgraph.prompts;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Course languages as BCP 47 tags, and the order in which language folders are tried: {@code fr-CA} looks in
 * {@code fr-CA/}, then {@code fr/}, then the base templates (like {@link java.util.ResourceBundle}).
 */
public final class Languages {

    /** What a language folder's name looks like: a primary subtag of 2–3 letters, then optional subtags. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private Languages() {
    }

    /** The canonical form of {@code tag} ({@code FR-ca} → {@code fr-CA}), or empty when it is not a language tag. */
    public static Optional<String> normalise(String tag) {
        if (tag == null) return Optional.empty();
        String t = tag.strip().replace('_', '-');
        if (!TAG.matcher(t).matches()) return Optional.empty();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(t).build();
            String canonical = locale.toLanguageTag();
            return canonical.equals("und") ? Optional.empty() : Optional.of(canonical);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The folders to try for {@code tag}, most specific first, ending with {@code ""} (the base templates). */
    public static List<String> fallbackChain(String tag) {
        List<String> chain = new ArrayList<>();
        Optional<String> t = normalise(tag);
        if (t.isPresent()) {
            String s = t.get();
            while (true) {
                chain.add(s);
                int dash = s.lastIndexOf('-');
                if (dash < 0) break;
                s = s.substring(0, dash);
            }
        }
        chain.add("");
        return chain;
    }

    /** The language's English name ({@code fr} → {@code French}); the tag itself when Java does not know it. */
    public static String englishName(String tag) {
        Optional<String> t = normalise(tag);
        if (t.isEmpty()) return tag == null ? "English" : tag;
        Locale locale = Locale.forLanguageTag(t.get());
        String name = locale.getDisplayLanguage(Locale.ENGLISH);
        if (name.isEmpty() || name.equalsIgnoreCase(locale.getLanguage())) return t.get();
        String country = locale.getDisplayCountry(Locale.ENGLISH);
        return country.isEmpty() ? name : name + " (" + country + ")";
    }
}
