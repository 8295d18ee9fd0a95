package org.tutorgraph.prompts.tournament;

/**
 * One judge's decision on one pair of replies for one criterion.
 *
 * @param round     the rating period (1-based)
 * @param caseId    the case
 * @param criterion the criterion judged
 * @param judge     the judge's number on the panel (1-based)
 * @param shownA    the variant whose reply was shown as "Reply A" (the judge never saw this name)
 * @param shownB    the variant shown as "Reply B"
 * @param winner    the winning variant's name, {@link #TIE}, or {@link #INVALID} when the judge's answer could not be read
 * @param reason    the judge's one-sentence reason (or what was wrong with its answer)
 */
public record Verdict(int round, String caseId, String criterion, int judge, String shownA, String shownB, String winner,
                      String reason) {
    public static final String TIE = "tie";
    public static final String INVALID = "(invalid)";

    public boolean valid() {
        return !INVALID.equals(winner);
    }

    /** The score of {@code variant} in this game: 1 win, 0.5 tie, 0 loss. */
    public double scoreOf(String variant) {
        if (TIE.equals(winner)) return 0.5;
        return winner.equals(variant) ? 1 : 0;
    }
}
