package org.tutorgraph.pack;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for misspelt field names and ids: the closest candidate by edit distance, when it is close
 * enough to be a plausible typo (words of 3 characters or more; at most 2 edits, and at most a third of the word).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code word}, if one is a plausible typo of it. O(n · |word| · |candidate|) for n
     * candidates; callers pass field names or the ids of one course, so this stays small.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) return Optional.empty(); // any short word is "close" to another: no useful hint
        int limit = Math.min(2, Math.max(1, w.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - w.length()) > limit) continue;
            int d = distance(w, c.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit; stops early above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
