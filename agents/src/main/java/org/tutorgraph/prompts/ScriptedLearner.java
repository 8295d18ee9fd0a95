package org.tutorgraph.prompts;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripted learner of the tournament's sample cases and of the prompt-token benchmark: on an item, they give the
 * wrong answer of its first misconception and keep giving it while the tutor climbs the hint ladder; they likely know
 * the concept's prerequisites and not yet the concept. One definition, so that the benchmark measures the very
 * situations the sample cases show. Each method is O(size of the item) or O(prerequisites).
 */
public final class ScriptedLearner {

    /** Mastery assumed for the scripted learner: prerequisites likely known, the concept itself not yet. */
    public static final double PREREQUISITE_MASTERY = 0.85;
    public static final double CONCEPT_MASTERY = 0.30;

    private ScriptedLearner() {
    }

    /** The item's first misconception with a known wrong answer, or null when it has none. */
    public static Misconception misconception(Item item) {
        for (Misconception m : item.misconceptions()) if (!m.wrongAnswers().isEmpty()) return m;
        return null;
    }

    /** The mastery summary of a learner who likely knows the prerequisites of the item's concept, not the concept. */
    public static String mastery(CoursePack pack, Item item) {
        String conceptId = item.concepts().get(0);
        Map<String, Double> posteriors = new HashMap<>();
        for (String parent : pack.graph().prerequisiteParents(conceptId)) posteriors.put(parent, PREREQUISITE_MASTERY);
        posteriors.put(conceptId, CONCEPT_MASTERY);
        return PromptVars.masterySummary(pack.graph(), conceptId, posteriors);
    }

    /** The turns before {@code rung}: the question, the attempt, and each lower authored rung followed by the same attempt. */
    public static String dialogueBefore(Item item, Rung rung, String attempt) {
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
}
