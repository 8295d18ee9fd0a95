package org.tutorgraph.prompts.tournament;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.prompts.ScriptedLearner;
import org.tutorgraph.prompts.TutorSituation;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds tournament cases from a course pack: items with a known misconception, spread evenly over the course,
 * the learner answering with that misconception's wrong answer, the rung cycling orient → probe → scaffold →
 * bottom-out so every rung template is exercised. Deterministic (the shipped sample is rebuilt and compared in the
 * tests). O(items).
 */
public final class CourseCases {

    /** How many cases the shipped sample ({@code prompts/tournament/algebra-cases.yaml}) holds. */
    public static final int SAMPLE_SIZE = 16;

    private CourseCases() {
    }

    /** The description written at the top of a case file built from {@code pack}. */
    public static String description(CoursePack pack, int limit) {
        return "Tournament cases built from the course '" + pack.meta().title() + "' by: tutor prompts cases --from course --limit "
                + limit + ". Each case is a learner situation (item, wrong attempt, misconception, rung); edit freely.";
    }

    /** Up to {@code limit} cases from {@code pack}. */
    public static List<TournamentCase> fromCourse(CoursePack pack, int limit) {
        List<Item> candidates = new ArrayList<>();
        for (Item item : pack.items()) {
            if (ScriptedLearner.misconception(item) != null && item.ladder().size() == Rung.values().length) candidates.add(item);
        }
        List<TournamentCase> cases = new ArrayList<>();
        if (candidates.isEmpty() || limit <= 0) return cases;
        int n = Math.min(limit, candidates.size());
        Rung[] rungs = Rung.values();
        for (int i = 0; i < n; i++) {
            Item item = candidates.get((int) ((long) i * candidates.size() / n));
            Misconception m = ScriptedLearner.misconception(item);
            Rung rung = rungs[i % rungs.length];
            String attempt = m.wrongAnswers().get(0);
            TutorSituation s = TutorSituation.of(pack, item, rung, attempt, m, ScriptedLearner.mastery(pack, item))
                    .withDialogue(ScriptedLearner.dialogueBefore(item, rung, attempt));
            cases.add(new TournamentCase(item.id() + "-" + rung.key(), s));
        }
        return cases;
    }
}
