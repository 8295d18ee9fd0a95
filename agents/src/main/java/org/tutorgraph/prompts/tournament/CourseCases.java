package org.tutorgraph.prompts.tournament;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.prompts.PromptVars;
import org.tutorgraph.prompts.TutorSituation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds tournament cases from a course pack: items with a known misconception, spread evenly over the course,
 * the learner answering with that misconception's wrong answer, the rung cycling orient → probe → scaffold →
 * bottom-out so every rung template is exercised. Deterministic (the shipped sample is rebuilt and compared in the
 * tests). O(items).
 */
public final class CourseCases {

    /** Mastery assumed for the sample learner: prerequisites likely known, the concept itself not yet. */
    static final double PREREQUISITE_MASTERY = 0.85;
    static final double CONCEPT_MASTERY = 0.30;

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
            if (misconceptionWithAnswer(item) != null && item.ladder().size() == Rung.values().length) candidates.add(item);
        }
        List<TournamentCase> cases = new ArrayList<>();
        if (candidates.isEmpty() || limit <= 0) return cases;
        int n = Math.min(limit, candidates.size());
        Rung[] rungs = Rung.values();
        for (int i = 0; i < n; i++) {
            Item item = candidates.get((int) ((long) i * candidates.size() / n));
            Misconception m = misconceptionWithAnswer(item);
            Rung rung = rungs[i % rungs.length];
            String attempt = m.wrongAnswers().get(0);
            String conceptId = item.concepts().get(0);
            Map<String, Double> posteriors = new HashMap<>();
            for (String parent : pack.graph().prerequisiteParents(conceptId)) posteriors.put(parent, PREREQUISITE_MASTERY);
            posteriors.put(conceptId, CONCEPT_MASTERY);
            String mastery = PromptVars.masterySummary(pack.graph(), conceptId, posteriors);
            TutorSituation s = TutorSituation.of(pack, item, rung, attempt, m, mastery).withDialogue(dialogue(item, rung, attempt));
            cases.add(new TournamentCase(item.id() + "-" + rung.key(), s));
        }
        return cases;
    }

    /** The turns before this rung: the question, the attempt, and each lower authored rung followed by the same attempt. */
    private static String dialogue(Item item, Rung rung, String attempt) {
        List<String> lines = new ArrayList<>();
        lines.add("Tutor: " + item.prompt());
        lines.add("Student: " + attempt);
        for (HintRung h : item.ladder()) {
            if (h.rung().level() >= rung.level()) break;
            lines.add("Tutor: " + h.text());
            lines.add("Student: " + attempt);
        }
        return String.join("\n", lines);
    }

    private static Misconception misconceptionWithAnswer(Item item) {
        for (Misconception m : item.misconceptions()) if (!m.wrongAnswers().isEmpty()) return m;
        return null;
    }
}
