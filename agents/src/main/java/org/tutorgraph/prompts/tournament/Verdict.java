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
 * @param winner    the winning variant's name, {@link #TIE}; or, for no game: {@link #INVALID} (the judge's answer could
 *                  not be read), {@link #FAILED} (the judge's model call failed) or {@link #NOT_JUDGED} (a reply to
 *                  compare was missing because its generation failed)
 * @param reason    the judge's one-sentence reason (or what went wrong)
 */
public record Verdict(int round, String caseId, String criterion, int judge, String shownA, String shownB, String winner,
                      String reason) {
    public static final String TIE = "tie";
    public static final String INVALID = "(invalid)";
    public static final String FAILED = "(failed)";
    public static final String NOT_JUDGED = "(not judged)";

    /** Whether this is a game (a win or a tie); the other outcomes count for no one. */
    public boolean valid() {
        return !INVALID.equals(winner) && !FAILED.equals(winner) && !NOT_JUDGED.equals(winner);
    }

    /** The score of {@code variant} in this game: 1 win, 0.5 tie, 0 loss. */
    public double scoreOf(String variant) {
        if (TIE.equals(winner)) return 0.5;
        return winner.equals(variant) ? 1 : 0;
    }
}
