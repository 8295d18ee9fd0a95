package org.tutorgraph.pack;

import org.tutorgraph.answer.EditDistance;

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
            int d = EditDistance.withTranspositions(w, c.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }
}
