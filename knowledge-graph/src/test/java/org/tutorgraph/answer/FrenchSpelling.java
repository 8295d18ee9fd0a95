package org.tutorgraph.answer;

/** French number words for the tests, spelled by the usual rules, independently of {@link FrenchNumberWords}. */
public final class FrenchSpelling {

    private FrenchSpelling() {
    }

    private static final String[] UNDER_17 = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
    private static final String[] TENS = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante"};

    /** French for 0–100, written independently of the reader: the traditional spelling, or the 1990 one (hyphens throughout). */
    public static String spell(int n, boolean hyphensEverywhere) {
        String and = hyphensEverywhere ? "-et-" : " et ";
        if (n < 17) return UNDER_17[n];
        if (n < 20) return "dix-" + UNDER_17[n - 10];
        if (n == 100) return "cent";
        if (n < 70) {
            int u = n % 10;
            return TENS[n / 10] + (u == 0 ? "" : u == 1 ? and + "un" : "-" + UNDER_17[u]);
        }
        if (n < 80) return "soixante" + (n == 71 ? and + "onze" : "-" + spell(n - 60, hyphensEverywhere));
        if (n == 80) return "quatre-vingts";
        return "quatre-vingt-" + spell(n - 80, hyphensEverywhere);
    }
}
