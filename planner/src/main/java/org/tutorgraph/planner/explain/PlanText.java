package org.tutorgraph.planner.explain;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.Source;
import org.tutorgraph.planner.Step;
import org.tutorgraph.planner.UnreachableGoal;
import org.tutorgraph.planner.cost.SequenceCost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plan as text for a terminal: a numbered table of steps (mastery, minutes, why), then totals; goals already
 * mastered and goals that cannot be reached are listed with their reason. Plain ASCII apart from the names the
 * course gives; callers printing to a terminal should still strip control characters from course text.
 */
public final class PlanText {

    private static final int NAME_WIDTH = 34;

    private PlanText() {
    }

    public static String render(Plan plan, CourseGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ").append(String.join(", ", plan.goals()))
                .append(String.format(Locale.ROOT, "  (mastered means posterior >= %.2f)%n", plan.threshold()));
        if (!plan.masteredGoals().isEmpty()) {
            out.append("Already mastered: ").append(String.join(", ", plan.masteredGoals())).append('\n');
        }
        for (UnreachableGoal u : plan.unreachable()) {
            out.append("Cannot reach ").append(u.goal()).append(": ").append(u.reason()).append('\n');
        }
        if (!plan.sources().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Source s : plan.sources()) names.add(String.format(Locale.ROOT, "%s (%.2f)", s.concept(), s.mastery()));
            out.append("Builds on what you master: ").append(String.join(", ", names)).append('\n');
        }
        if (plan.steps().isEmpty()) {
            out.append(plan.unreachable().isEmpty() ? "Nothing to learn: every goal is mastered.\n" : "No steps.\n");
            return out.toString();
        }
        out.append('\n');
        int numberWidth = String.valueOf(plan.steps().size()).length();
        out.append(String.format(Locale.ROOT, "%" + numberWidth + "s  %-" + NAME_WIDTH + "s %7s %8s  %s%n",
                "#", "Step", "mastery", "minutes", "why"));
        for (Step s : plan.steps()) {
            String name = s.name() + (s.name().equals(s.concept()) ? "" : " [" + s.concept() + "]");
            if (name.length() > NAME_WIDTH) name = name.substring(0, NAME_WIDTH - 1) + "~";
            out.append(String.format(Locale.ROOT, "%" + numberWidth + "d  %-" + NAME_WIDTH + "s %7.2f %8.1f  %s%n",
                    s.number(), name, s.mastery(), s.cost(), why(s, graph)));
        }
        SequenceCost seq = plan.totals().sequence();
        out.append('\n').append(String.format(Locale.ROOT,
                "Total: %d steps, %.0f min of learning + %.0f min sequence cost (%d area switches %.0f, gaps %.0f, difficulty jumps %.0f) = %.0f min%n",
                plan.totals().steps(), plan.totals().learningMinutes(), seq.total(), seq.switches(), seq.switchCost(),
                seq.gapCost(), seq.jumpCost(), plan.totals().total()));
        return out.toString();
    }

    /** "goal", or "for G via a -requires-> b" with the first edge it enables and how many more. */
    static String why(Step s, CourseGraph graph) {
        StringBuilder why = new StringBuilder();
        if (s.goal()) why.append("GOAL");
        List<String> others = s.forGoals().stream().filter(g -> !g.equals(s.concept())).toList();
        if (!others.isEmpty()) {
            if (!why.isEmpty()) why.append("; ");
            why.append("for ").append(String.join(", ", others));
        }
        if (!s.enables().isEmpty()) {
            Link first = s.enables().get(0);
            why.append(" via ").append(first);
            if (first instanceof Link.AnyOf a) why.append(alternatives(a, graph));
            if (s.enables().size() > 1) why.append(" (+").append(s.enables().size() - 1).append(" more)");
        }
        return why.toString();
    }

    private static String alternatives(Link.AnyOf link, CourseGraph graph) {
        if (graph == null) return "";
        for (AnyOfGroup group : graph.anyOfGroups(link.concept())) {
            if (group.id().equals(link.group())) {
                List<String> others = group.alternatives().stream().filter(a -> !a.equals(link.alternative())).toList();
                return others.isEmpty() ? "" : " [chosen over " + String.join(", ", others) + "]";
            }
        }
        return "";
    }
}
