package org.tutorgraph.importers;

import org.tutorgraph.pack.CoursePackLoader;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns source keys (codes, tags, titles) into concept ids that match {@link CoursePackLoader#ID}. A key that
 * already matches is kept as it is; any other is slugified: accents removed (NFKD), lower case, every run of other
 * characters becomes one '-', at most {@value #MAX_LENGTH} characters. Clashes get {@code -2}, {@code -3}, … in the
 * sorted order of the texts, so the mapping depends only on the set of keys, never on the order of the file.
 */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** The slug of one text, without clash handling; {@code "concept"} when nothing usable is left. */
    public static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        return s.isEmpty() ? "concept" : s;
    }

    /** Whether {@code key} can be used as an id unchanged. */
    public static boolean isId(String key) {
        return CoursePackLoader.ID.matcher(key).matches();
    }

    /**
     * An id for each key: the key itself when it is a valid id, else its slug; unique over all keys. O(n log n).
     *
     * @return key → id, in the iteration order of {@code keys}
     */
    public static Map<String, String> assign(Collection<String> keys) {
        Map<String, String> self = new LinkedHashMap<>();
        for (String k : keys) self.put(k, k);
        return assign(self, true);
    }

    /**
     * An id for each key, made from its text (a title, for sources keyed by number): the slug of the text, or with
     * {@code keepValidIds} the text itself when it is a valid id already. Unique over all keys; clashes are numbered
     * in the order of (text, key). O(n log n).
     *
     * @param textOf key → the text to make its id from
     * @return key → id, in the iteration order of {@code textOf}
     */
    public static Map<String, String> assign(Map<String, String> textOf, boolean keepValidIds) {
        List<String> sorted = new ArrayList<>(textOf.keySet());
        sorted.sort(Comparator.comparing((String k) -> textOf.get(k)).thenComparing(Comparator.naturalOrder()));
        Set<String> taken = new HashSet<>();
        // Texts that are valid ids keep them first, so "x" never becomes "x-2" because of some "X!".
        if (keepValidIds) for (String k : sorted) if (isId(textOf.get(k))) taken.add(textOf.get(k));
        Map<String, String> byKey = new HashMap<>();
        Set<String> kept = new HashSet<>();
        for (String k : sorted) {
            String text = textOf.get(k);
            if (keepValidIds && isId(text) && kept.add(text)) {
                byKey.put(k, text);
                continue;
            }
            String base = slug(text);
            String id = base;
            for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
            byKey.put(k, id);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String k : textOf.keySet()) ordered.put(k, byKey.get(k));
        return ordered;
    }
}
