package org.tutorgraph.answer;

/**
 * Bounded edit distance between two strings: the number of single-character insertions, deletions and substitutions
 * (optionally also swaps of two adjacent characters, the optimal-string-alignment variant) that turn one into the
 * other, computed row by row and abandoned as soon as every entry of a row exceeds the limit.
 * O(|a|·|b|) time, O(|b|) space.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** Levenshtein distance, or {@code limit + 1} once it is certain to exceed {@code limit}. */
    public static int levenshtein(String a, String b, int limit) {
        return bounded(a, b, limit, false);
    }

    /** As {@link #levenshtein}, with a swap of adjacent characters ("teh" for "the") counted as one edit. */
    public static int withTranspositions(String a, String b, int limit) {
        return bounded(a, b, limit, true);
    }

    private static int bounded(String a, String b, int limit, boolean transpositions) {
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
                if (transpositions && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
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
