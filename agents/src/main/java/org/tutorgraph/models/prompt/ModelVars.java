package org.tutorgraph.models.prompt;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variables the Diagnostician's and Planner's templates receive. */
public final class ModelVars {

    private ModelVars() {
    }

    /** {@code grade-answer}: the item, every accepted answer and the attempt. */
    public static Map<String, Object> grading(CoursePack pack, Item item, String attempt) {
        Map<String, Object> v = new LinkedHashMap<>();
        var concept = pack.graph().concept(item.concepts().get(0));
        v.put("course", pack.meta().title());
        v.put("concept", concept.name());
        v.put("conceptDescription", concept.description());
        v.put("item", item.prompt());
        v.put("choices", choices(item.choices()));
        v.put("answerType", item.type().key());
        v.put("answers", String.join(" | ", item.answers()));
        v.put("attempt", attempt == null || attempt.isBlank() ? "(no attempt)" : attempt.strip());
        v.put("language", "English");
        v.put("languageTag", "en");
        return v;
    }

    /** {@code name-misconception}: those of grading and the item's misconceptions. */
    public static Map<String, Object> misconception(CoursePack pack, Item item, String attempt) {
        Map<String, Object> v = grading(pack, item, attempt);
        List<String> lines = new ArrayList<>();
        for (Misconception m : item.misconceptions()) {
            String wrong = m.wrongAnswers().isEmpty() ? "" : " (typical wrong answers: " + String.join(", ", m.wrongAnswers()) + ")";
            lines.add(m.id() + ": " + m.description() + wrong);
        }
        v.put("misconceptions", lines.isEmpty() ? "(none known)" : String.join("\n", lines));
        return v;
    }

    /** {@code plan-rationale}. */
    public static Map<String, Object> plan(CoursePack pack, List<String> goals, String plan, String mastery) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("course", pack.meta().title());
        v.put("goals", String.join(", ", goals));
        v.put("plan", plan);
        v.put("mastery", mastery == null || mastery.isBlank() ? "(no evidence yet)" : mastery);
        v.put("language", "English");
        v.put("languageTag", "en");
        return v;
    }

    static String choices(List<String> choices) {
        if (choices.isEmpty()) return "(not multiple choice)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append((char) ('A' + Math.min(i, 25))).append(") ").append(choices.get(i));
        }
        return sb.toString();
    }
}
