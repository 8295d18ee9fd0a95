package org.tutorgraph.prompts;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the variable maps {@link PromptRegistry} promises the Diagnostician and Planner templates, and the
 * text forms shared by all templates (choices, mastery summary). Tutor and judge variables come from
 * {@link TutorSituation}.
 */
public final class PromptVars {

    private PromptVars() {
    }

    /** Variables of {@code grade-answer}: the item, its accepted answers and the learner's attempt. */
    public static Map<String, Object> grading(CoursePack pack, Item item, String attempt) {
        Map<String, Object> v = new LinkedHashMap<>();
        String lang = Languages.normalise(pack.meta().language()).orElse("en");
        Placeholders p = Placeholders.forLanguage(lang);
        var concept = pack.graph().concept(item.concepts().get(0));
        v.put("course", pack.meta().title());
        v.put("concept", concept.name());
        v.put("conceptDescription", concept.description().isBlank() ? p.noDescription() : concept.description());
        v.put("item", item.prompt());
        v.put("choices", choices(item.choices(), p));
        v.put("answerType", item.type().key());
        v.put("answers", String.join(" | ", item.answers()));
        v.put("attempt", attempt == null || attempt.isBlank() ? p.noAttempt() : attempt.strip());
        v.put("language", Languages.englishName(lang));
        v.put("languageTag", lang);
        return v;
    }

    /** Variables of {@code name-misconception}: those of grading plus the item's known misconceptions. */
    public static Map<String, Object> misconception(CoursePack pack, Item item, String attempt) {
        Map<String, Object> v = grading(pack, item, attempt);
        v.put("misconceptions", misconceptions(item.misconceptions()));
        return v;
    }

    /**
     * Variables of {@code plan-rationale}.
     *
     * @param goals   the goals' names
     * @param plan    the algorithmic plan, one step per line with its reason
     * @param mastery the learner's mastery summary
     */
    public static Map<String, Object> plan(CoursePack pack, List<String> goals, String plan, String mastery) {
        Map<String, Object> v = new LinkedHashMap<>();
        String lang = Languages.normalise(pack.meta().language()).orElse("en");
        Placeholders p = Placeholders.forLanguage(lang);
        v.put("course", pack.meta().title());
        v.put("goals", String.join(", ", goals));
        v.put("plan", plan);
        v.put("mastery", mastery == null || mastery.isBlank() ? p.noMastery() : mastery);
        v.put("language", Languages.englishName(lang));
        v.put("languageTag", lang);
        return v;
    }

    /** {@code A) text} per line, or the "not multiple choice" placeholder. */
    static String choices(List<String> choices, Placeholders p) {
        if (choices.isEmpty()) return p.notMultipleChoice();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append((char) ('A' + Math.min(i, 25))).append(") ").append(choices.get(i));
        }
        return sb.toString();
    }

    /** {@code id: description (typical wrong answers: …)} per line, or {@code (none known)}. */
    public static String misconceptions(List<Misconception> list) {
        if (list.isEmpty()) return "(none known)";
        List<String> lines = new ArrayList<>();
        for (Misconception m : list) {
            String wrong = m.wrongAnswers().isEmpty() ? "" : " (typical wrong answers: " + String.join(", ", m.wrongAnswers()) + ")";
            lines.add(m.id() + ": " + m.description() + wrong);
        }
        return String.join("\n", lines);
    }

    /**
     * A short mastery summary around {@code conceptId}: its direct prerequisites, then the concept itself, each with
     * its estimated mastery in words and as a number ("Integers on the number line: likely mastered (0.85)").
     * Concepts without an estimate say "no evidence yet". O(number of prerequisites).
     *
     * @param posteriors P(mastered) per concept id (the Diagnostician's estimates)
     */
    public static String masterySummary(CourseGraph graph, String conceptId, Map<String, Double> posteriors) {
        List<String> ids = new ArrayList<>(graph.prerequisiteParents(conceptId));
        ids.add(conceptId);
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            String name = graph.find(id).map(c -> c.name()).orElse(id);
            Double p = posteriors.get(id);
            parts.add(name + ": " + (p == null ? "no evidence yet" : level(p) + String.format(Locale.ROOT, " (%.2f)", p)));
        }
        return String.join("; ", parts);
    }

    private static String level(double p) {
        if (p >= 0.8) return "likely mastered";
        if (p >= 0.5) return "partly mastered";
        return "not yet mastered";
    }
}
