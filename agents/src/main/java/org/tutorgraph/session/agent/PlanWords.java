package org.tutorgraph.session.agent;

import org.tutorgraph.session.message.PlanStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** A plan step's reason in words, from the plan's own data (what {@code /why} and {@code /plan} say). */
public final class PlanWords {

    private PlanWords() {
    }

    /**
     * "your goal", or "needed for Slope-intercept form: Order of operations requires it (and 2 more steps build on it)".
     *
     * @param nameOf concept id to name
     */
    public static String why(PlanStep s, UnaryOperator<String> nameOf) {
        StringBuilder why = new StringBuilder();
        List<String> others = new ArrayList<>();
        for (String g : s.forGoals()) if (!g.equals(s.concept())) others.add(nameOf.apply(g));
        if (s.goal()) why.append(others.isEmpty() ? "your goal" : "your goal, and needed");
        if (!others.isEmpty()) why.append(s.goal() ? " for " : "needed for ").append(String.join(", ", others));
        if (!s.enables().isEmpty()) {
            PlanStep.Edge first = s.enables().get(0);
            why.append(why.isEmpty() ? "" : ": ").append(nameOf.apply(first.to()));
            if (first.kind().equals("anyOf") && !first.chosenOver().isEmpty()) {
                why.append(" needs it or ").append(or(first.chosenOver(), nameOf)).append(" (this route is the cheaper one for you)");
            } else {
                why.append(" builds on it");
            }
            int more = s.enables().size() - 1;
            if (more > 0) why.append(String.format(Locale.ROOT, ", and %d more step%s", more, more == 1 ? "" : "s"));
        }
        return why.isEmpty() ? "on the way to your goals" : why.toString();
    }

    private static String or(List<String> ids, UnaryOperator<String> nameOf) {
        List<String> names = ids.stream().map(nameOf).toList();
        return String.join(" or ", names);
    }
}
