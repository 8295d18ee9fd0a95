package org.tutorgraph.prompts.tournament;

import org.tutorgraph.graph.Rung;

import java.util.List;
import java.util.Map;

/**
 * What a tournament found.
 *
 * @param settings    how it was run
 * @param overall     every variant's standing over all criteria, best first
 * @param byCriterion each criterion's standings, best first
 * @param cases       the number of cases
 * @param rounds      the number of rating periods actually played
 * @param outputs     every variant's reply per case
 * @param verdicts    every judge decision, in the order they were made
 */
public record TournamentResult(Tournament.Settings settings, List<Standing> overall, Map<String, List<Standing>> byCriterion,
                               int cases, int rounds, List<Output> outputs, List<Verdict> verdicts) {

    /** One variant's reply to one case. */
    public record Output(String caseId, String variant, Rung rung, String text) {
    }

    /** The probability that {@code a} beats {@code b}, from their overall ratings (see {@link Glicko2#winProbability}). */
    public double winProbability(String a, String b) {
        return Glicko2.winProbability(standing(a).rating(), standing(b).rating());
    }

    public Standing standing(String variant) {
        return overall.stream().filter(s -> s.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + variant));
    }

    /** Wins, ties and losses of {@code a} against {@code b} over all valid verdicts. */
    public int[] record(String a, String b) {
        int[] wtl = new int[3];
        for (Verdict v : verdicts) {
            if (!v.valid()) continue;
            boolean pair = (v.shownA().equals(a) && v.shownB().equals(b)) || (v.shownA().equals(b) && v.shownB().equals(a));
            if (!pair) continue;
            double s = v.scoreOf(a);
            wtl[s == 1 ? 0 : s == 0.5 ? 1 : 2]++;
        }
        return wtl;
    }

    public long invalidVerdicts() {
        return verdicts.stream().filter(v -> !v.valid()).count();
    }

    /** The variants, best first. */
    public List<String> ranking() {
        return overall.stream().map(Standing::variant).toList();
    }
}
