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

    private static final int TITLE_WIDTH = 60;

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
        int titleWidth = 0;
        for (Step s : plan.steps()) titleWidth = Math.max(titleWidth, title(s).length());
        titleWidth = Math.min(titleWidth, TITLE_WIDTH);
        String indent = " ".repeat(numberWidth + 4);
        for (Step s : plan.steps()) {
            out.append(String.format(Locale.ROOT, "  %" + numberWidth + "d. %-" + titleWidth + "s  %6.1f min  mastery %.2f%n",
                    s.number(), title(s), s.cost(), s.mastery()));
            out.append(indent).append(why(s, graph)).append('\n');
        }
        SequenceCost seq = plan.totals().sequence();
        out.append('\n').append(String.format(Locale.ROOT,
                "Total: %d step%s, %.0f min of learning + %.0f min for the order (%d area switch%s: %.0f, gaps: %.0f, difficulty jumps: %.0f) = %.0f min%n",
                plan.totals().steps(), plan.totals().steps() == 1 ? "" : "s", plan.totals().learningMinutes(), seq.total(),
                seq.switches(), seq.switches() == 1 ? "" : "es", seq.switchCost(), seq.gapCost(), seq.jumpCost(), plan.totals().total()));
        return out.toString();
    }

    private static String title(Step s) {
        String t = s.name().equals(s.concept()) ? s.concept() : s.name() + " [" + s.concept() + "]";
        return s.goal() ? t + "  GOAL" : t;
    }

    /** "needed for G: a -requires-> b" with the first edge it enables and how many more; "your goal" for a goal. */
    static String why(Step s, CourseGraph graph) {
        StringBuilder why = new StringBuilder();
        List<String> others = s.forGoals().stream().filter(g -> !g.equals(s.concept())).toList();
        if (s.goal()) why.append(others.isEmpty() ? "your goal" : "your goal, and needed");
        if (!others.isEmpty()) why.append(s.goal() ? " for " : "needed for ").append(String.join(", ", others));
        if (!s.enables().isEmpty()) {
            Link first = s.enables().get(0);
            why.append(": ").append(first);
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
