package org.tutorgraph.session.view;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.model.ConceptState;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The chat's read-only views of the learner model: {@code /plan}, {@code /progress} (an open learner model: a bar per
 * concept on the path with its mastery and the evidence behind it) and {@code /why}. Plain ASCII apart from the course's
 * own names, so they read the same in a terminal, a pipe and the docs.
 */
public final class Views {

    private static final int BAR = 20;
    private static final int NAME_WIDTH = 34;

    private Views() {
    }

    /**
     * {@code /plan}: the adopted plan, with what is done, current, skipped. Not shielded: its figures (step numbers,
     * minutes, mastery) and names are computed without the open item's answer, so they carry no information about it.
     */
    public static String plan(LearnerModel model, CourseContext course) {
        return plan(model, course, shipped(course));
    }

    /** {@code /plan} in the words of {@code say}. */
    public static String plan(LearnerModel model, CourseContext course, Messages say) {
        CourseProgress p = model.progress();
        PlanAdopted plan = p.plan();
        if (p.goals().isEmpty()) return say.text("view.noGoal") + "\n";
        if (plan == null) return say.text("view.plan.afterCheckup") + "\n";
        if (plan.steps().isEmpty()) return say.text("view.plan.nothingToLearn") + "\n";
        String goals = String.join(", ", plan.goals().stream().map(g -> Transcript.conceptName(course, g)).toList());
        return say.plural("view.plan.header", plan.steps().size(), "goals", goals, "time", Transcript.duration(plan.totalMinutes(), say))
                + "\n" + planTable(plan, model, course, say);
    }

    /** The shipped messages in the course's language (for callers that do not pass their own). */
    private static Messages shipped(CourseContext course) {
        return MessageLibrary.shipped().in(course.pack().meta().language());
    }

    /** The numbered steps with minutes, mastery now, and a mark for the current, done and skipped ones. */
    static String planTable(PlanAdopted plan, LearnerModel model, CourseContext course, Messages say) {
        CourseProgress p = model.progress();
        OpenItem open = p.open();
        String goalMark = " " + say.text("view.plan.goal");
        int reserved = goalMark.length() + 1;
        String mastery = say.text("view.plan.mastery");
        int width = 0;
        for (PlanStep s : plan.steps()) width = Math.max(width, Math.min(NAME_WIDTH, s.name().length() + (s.goal() ? reserved : 0)));
        StringBuilder sb = new StringBuilder();
        for (PlanStep s : plan.steps()) {
            String name = cut(s.name(), NAME_WIDTH - (s.goal() ? reserved : 0)) + (s.goal() ? goalMark : "");
            String mark = open != null && open.concept().equals(s.concept()) && open.isOpen() ? "> "
                    : p.skipped().contains(s.concept()) ? "~ " : p.completed().containsKey(s.concept()) ? "- " : "  ";
            sb.append(String.format(Locale.ROOT, " %s%2d. %-" + width + "s  %7s  %s %4s%s%n", mark, s.number(), name,
                    Transcript.duration(s.minutes(), say), mastery, Transcript.percent(model.posterior(s.concept()), say),
                    note(p, s.concept(), say)));
        }
        return sb.toString();
    }

    private static String note(CourseProgress p, String concept, Messages say) {
        if (p.skipped().contains(concept)) return "  " + say.text("view.plan.skipped");
        ConceptCompleted.Outcome o = p.completed().get(concept);
        if (o == ConceptCompleted.Outcome.ITEMS_EXHAUSTED) return "  " + say.text("view.plan.usedUp");
        if (o == ConceptCompleted.Outcome.NO_ITEMS) return "  " + say.text("view.plan.noItems");
        return "";
    }

    /**
     * {@code /progress}: a bar per concept on the path to the goals (their prerequisites and the plan's steps, in course
     * order) with its mastery and the number of answers behind it. O(V + E) for the path. Not shielded, like
     * {@link #plan}: nothing in it depends on the open item's answer.
     */
    public static String progress(LearnerModel model, CourseContext course) {
        return progress(model, course, shipped(course));
    }

    /** {@code /progress} in the words of {@code say}. */
    public static String progress(LearnerModel model, CourseContext course, Messages say) {
        CourseProgress p = model.progress();
        if (p.goals().isEmpty()) return say.text("view.noGoal") + "\n";
        Set<String> path = path(p, course);
        OpenItem open = p.open();
        int width = 0;
        for (Concept c : course.graph().concepts()) if (path.contains(c.id())) width = Math.max(width, Math.min(NAME_WIDTH, c.name().length()));
        StringBuilder sb = new StringBuilder(say.text("view.progress.header",
                "goals", String.join(", ", p.goals().stream().map(g -> Transcript.conceptName(course, g)).toList()),
                "threshold", Transcript.percent(course.threshold(), say))).append('\n');
        for (Concept c : course.graph().concepts()) {
            if (!path.contains(c.id())) continue;
            ConceptState s = model.mastery(c.id()).orElse(null);
            double m = s == null ? 0 : s.posterior();
            int filled = (int) Math.round(m * BAR);
            String status = m >= course.threshold() ? say.text("view.progress.mastered")
                    : open != null && open.isOpen() && open.concept().equals(c.id()) ? say.text("view.progress.practising")
                    : p.skipped().contains(c.id()) ? say.text("view.progress.skipped") : "";
            String evidence = s == null || s.answers() == 0 ? say.text("view.progress.noTries")
                    : say.plural("view.progress.tries", s.answers(), "right", s.correct());
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s [%s%s] %4s  %-22s %s%n", cut(c.name(), NAME_WIDTH),
                    "#".repeat(filled), ".".repeat(BAR - filled), Transcript.percent(m, say), evidence, status).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The goals, their requires-ancestors and the plan's steps. */
    private static Set<String> path(CourseProgress p, CourseContext course) {
        CourseGraph g = course.graph();
        Set<String> path = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String goal : p.goals()) if (g.contains(goal)) todo.push(goal);
        if (p.plan() != null) for (PlanStep s : p.plan().steps()) todo.push(s.concept());
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!path.add(c)) continue;
            for (String parent : g.requires(c)) todo.push(parent);
        }
        return path;
    }

    /**
     * {@code /why}: why the tutor is on this concept now, from the plan's explanation. Shielded: it quotes course prose
     * (and a model's rationale), which could happen to state the open item's answer.
     */
    public static String why(LearnerModel model, CourseContext course, Orchestrator.Phase phase) {
        return why(model, course, phase, shipped(course));
    }

    /** {@code /why} in the words of {@code say}; shielded like {@link #why(LearnerModel, CourseContext, Orchestrator.Phase)}. */
    public static String why(LearnerModel model, CourseContext course, Orchestrator.Phase phase, Messages say) {
        return Shield.forOpenItem(whyText(model, course, phase, say), model, course);
    }

    private static String whyText(LearnerModel model, CourseContext course, Orchestrator.Phase phase, Messages say) {
        CourseProgress p = model.progress();
        if (phase == Orchestrator.Phase.AWAITING_GOALS) return say.text("view.why.noGoal") + "\n";
        if (phase == Orchestrator.Phase.DIAGNOSING) return say.text("view.why.checkup") + "\n";
        OpenItem open = p.open();
        PlanAdopted plan = p.plan();
        if (open == null || plan == null) return say.text("view.why.nothing") + "\n";
        String name = Transcript.conceptName(course, open.concept());
        PlanStep step = plan.steps().stream().filter(s -> s.concept().equals(open.concept())).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder(say.text("view.why.question", "concept", name)).append(' ');
        if (step == null) {
            sb.append(say.text("view.why.planChanged")).append('\n');
            return sb.toString();
        }
        String why = Transcript.why(course, step, say);
        sb.append(Character.toUpperCase(why.charAt(0))).append(why.substring(1)).append(".\n");
        int k = plan.conceptOrder().indexOf(open.concept());
        ConceptState s = model.mastery(open.concept()).orElse(null);
        String evidence = s == null || s.answers() == 0 ? say.text("view.why.noTries") : say.plural("view.why.tries", s.answers());
        sb.append(say.text("view.why.step", "step", k + 1, "steps", plan.steps().size(),
                "mastery", Transcript.percent(s == null ? 0 : s.posterior(), say), "evidence", evidence,
                "time", Transcript.duration(step.minutes(), say))).append('\n');
        return sb.toString();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(1, width - 1)) + "…";
    }

    /** Used by the chat to list goals to choose from: "  1. Name [id]". */
    public static String goalChoices(List<Concept> finals) {
        StringBuilder sb = new StringBuilder();
        int w = String.valueOf(finals.size()).length();
        for (int i = 0; i < finals.size(); i++) {
            Concept c = finals.get(i);
            sb.append(String.format(Locale.ROOT, "  %" + w + "d. %s [%s]%n", i + 1, c.name(), c.id()));
        }
        return sb.toString();
    }
}
