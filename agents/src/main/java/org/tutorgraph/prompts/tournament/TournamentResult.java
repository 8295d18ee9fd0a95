package org.tutorgraph.prompts.tournament;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.models.call.ModelFailure;

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
 * @param outputs     every variant's reply per case (or why there is none)
 * @param verdicts    every judge decision, in the order they were made
 * @param failures    the first model failure of each kind, per role (what to fix), in the order they happened
 */
public record TournamentResult(Tournament.Settings settings, List<Standing> overall, Map<String, List<Standing>> byCriterion,
                               int cases, int rounds, List<Output> outputs, List<Verdict> verdicts, List<ModelFailure> failures) {

    /**
     * One variant's reply to one case.
     *
     * @param text    the reply ("" when the generation failed)
     * @param failure why there is no reply, or "" when there is one
     */
    public record Output(String caseId, String variant, Rung rung, String text, String failure) {
        static Output of(TournamentCase c, String variant, String text) {
            return new Output(c.id(), variant, c.situation().rung(), text, "");
        }

        static Output failed(TournamentCase c, String variant, String failure) {
            return new Output(c.id(), variant, c.situation().rung(), "", failure);
        }

        public boolean failed() {
            return !failure.isEmpty();
        }
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

    /** Judge answers that could not be read. */
    public long invalidVerdicts() {
        return outcomes(Verdict.INVALID);
    }

    /** Judgements whose model call failed. */
    public long failedVerdicts() {
        return outcomes(Verdict.FAILED);
    }

    /** Comparisons not judged because a reply was missing. */
    public long notJudged() {
        return outcomes(Verdict.NOT_JUDGED);
    }

    /** Generations whose model call (or template) failed. */
    public long failedOutputs() {
        return outputs.stream().filter(Output::failed).count();
    }

    /** Games that counted (wins and ties). */
    public long games() {
        return verdicts.stream().filter(Verdict::valid).count();
    }

    private long outcomes(String outcome) {
        return verdicts.stream().filter(v -> v.winner().equals(outcome)).count();
    }

    /** The variants, best first. */
    public List<String> ranking() {
        return overall.stream().map(Standing::variant).toList();
    }
}
