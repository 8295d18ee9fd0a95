package org.tutorgraph.session.agent;

import org.tutorgraph.messages.Messages;
import org.tutorgraph.session.message.PlanStep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A plan step's reason in words, from the plan's own data (what {@code /why} and {@code /plan} say). */
public final class PlanWords {

    private PlanWords() {
    }

    /**
     * "your goal", or "needed for Slope-intercept form: Order of operations builds on it, and 2 more steps" (English).
     *
     * @param nameOf concept id to name
     */
    public static String why(PlanStep s, UnaryOperator<String> nameOf) {
        return why(s, nameOf, Messages.english());
    }

    /**
     * A step's reason in the words of {@code say} ({@code why.*} messages): whom it is for, then the first edge it
     * enables, then how many more steps build on it.
     *
     * @param nameOf concept id to name
     */
    public static String why(PlanStep s, UnaryOperator<String> nameOf, Messages say) {
        StringBuilder why = new StringBuilder();
        List<String> others = new ArrayList<>();
        for (String g : s.forGoals()) if (!g.equals(s.concept())) others.add(nameOf.apply(g));
        String goals = String.join(", ", others);
        if (s.goal()) why.append(others.isEmpty() ? say.text("why.goal") : say.text("why.goalAndNeeded", "goals", goals));
        else if (!others.isEmpty()) why.append(say.text("why.neededFor", "goals", goals));
        if (!s.enables().isEmpty()) {
            PlanStep.Edge first = s.enables().get(0);
            String to = nameOf.apply(first.to());
            String edge = first.kind().equals("anyOf") && !first.chosenOver().isEmpty()
                    ? say.text("why.anyOf", "concept", to, "alternatives", or(first.chosenOver(), nameOf, say))
                    : say.text("why.buildsOn", "concept", to);
            int more = s.enables().size() - 1;
            if (more > 0) edge += say.plural("why.more", more);
            String whom = why.toString();
            why.setLength(0);
            why.append(whom.isEmpty() ? edge : say.text("why.whomAndEdge", "whom", whom, "edge", edge));
        }
        return why.isEmpty() ? say.text("why.onTheWay") : why.toString();
    }

    private static String or(List<String> ids, UnaryOperator<String> nameOf, Messages say) {
        List<String> names = ids.stream().map(nameOf).toList();
        return String.join(" " + say.text("word.or") + " ", names);
    }
}
