package org.tutorgraph.session.view;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
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
        CourseProgress p = model.progress();
        PlanAdopted plan = p.plan();
        if (p.goals().isEmpty()) return "You have no goal yet: type /goal to choose one.\n";
        if (plan == null) return "Your plan comes after the check-up.\n";
        if (plan.steps().isEmpty()) return "Nothing to learn on the way to your goals: you master them already.\n";
        String goals = String.join(", ", plan.goals().stream().map(g -> Transcript.conceptName(course, g)).toList());
        return String.format(Locale.ROOT, "Your plan to reach %s (%d step%s left, about %s):%n", goals, plan.steps().size(),
                plan.steps().size() == 1 ? "" : "s", Transcript.duration(plan.totalMinutes())) + planTable(plan, model, course);
    }

    /** The numbered steps with minutes, mastery now, and a mark for the current, done and skipped ones. */
    static String planTable(PlanAdopted plan, LearnerModel model, CourseContext course) {
        CourseProgress p = model.progress();
        OpenItem open = p.open();
        int width = 0;
        for (PlanStep s : plan.steps()) width = Math.max(width, Math.min(NAME_WIDTH, s.name().length() + (s.goal() ? 6 : 0)));
        StringBuilder sb = new StringBuilder();
        for (PlanStep s : plan.steps()) {
            String name = cut(s.name(), NAME_WIDTH - (s.goal() ? 6 : 0)) + (s.goal() ? " GOAL" : "");
            String mark = open != null && open.concept().equals(s.concept()) && open.isOpen() ? "> "
                    : p.skipped().contains(s.concept()) ? "~ " : p.completed().containsKey(s.concept()) ? "- " : "  ";
            sb.append(String.format(Locale.ROOT, " %s%2d. %-" + width + "s  %7s  mastery %4s%s%n", mark, s.number(), name,
                    Transcript.duration(s.minutes()), Transcript.percent(model.posterior(s.concept())), note(p, s.concept())));
        }
        return sb.toString();
    }

    private static String note(CourseProgress p, String concept) {
        if (p.skipped().contains(concept)) return "  (skipped for now)";
        ConceptCompleted.Outcome o = p.completed().get(concept);
        if (o == ConceptCompleted.Outcome.ITEMS_EXHAUSTED) return "  (practice used up)";
        if (o == ConceptCompleted.Outcome.NO_ITEMS) return "  (no practice questions)";
        return "";
    }

    /**
     * {@code /progress}: a bar per concept on the path to the goals (their prerequisites and the plan's steps, in course
     * order) with its mastery and the number of answers behind it. O(V + E) for the path. Not shielded, like
     * {@link #plan}: nothing in it depends on the open item's answer.
     */
    public static String progress(LearnerModel model, CourseContext course) {
        CourseProgress p = model.progress();
        if (p.goals().isEmpty()) return "You have no goal yet: type /goal to choose one.\n";
        Set<String> path = path(p, course);
        OpenItem open = p.open();
        int width = 0;
        for (Concept c : course.graph().concepts()) if (path.contains(c.id())) width = Math.max(width, Math.min(NAME_WIDTH, c.name().length()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Your progress towards %s (a concept counts as mastered at %s):%n",
                String.join(", ", p.goals().stream().map(g -> Transcript.conceptName(course, g)).toList()),
                Transcript.percent(course.threshold())));
        for (Concept c : course.graph().concepts()) {
            if (!path.contains(c.id())) continue;
            ConceptState s = model.mastery(c.id()).orElse(null);
            double m = s == null ? 0 : s.posterior();
            int filled = (int) Math.round(m * BAR);
            String status = m >= course.threshold() ? "mastered"
                    : open != null && open.isOpen() && open.concept().equals(c.id()) ? "practising now"
                    : p.skipped().contains(c.id()) ? "skipped for now" : "";
            String evidence = s == null || s.answers() == 0 ? "no tries yet"
                    : s.answers() + (s.answers() == 1 ? " try, " : " tries, ") + s.correct() + " right";
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s [%s%s] %4s  %-22s %s%n", cut(c.name(), NAME_WIDTH),
                    "#".repeat(filled), ".".repeat(BAR - filled), Transcript.percent(m), evidence, status).stripTrailing()).append('\n');
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
        return Shield.forOpenItem(whyText(model, course, phase), model, course);
    }

    private static String whyText(LearnerModel model, CourseContext course, Orchestrator.Phase phase) {
        CourseProgress p = model.progress();
        if (phase == Orchestrator.Phase.AWAITING_GOALS) return "Choose a goal first (/goal): everything else follows from it.\n";
        if (phase == Orchestrator.Phase.DIAGNOSING) {
            return "We're in the check-up: a few questions place you on the map of the course (knowing a concept makes its "
                    + "prerequisites likely known, missing one makes what builds on it likely unknown), so your plan can skip "
                    + "what you already know.\n";
        }
        OpenItem open = p.open();
        PlanAdopted plan = p.plan();
        if (open == null || plan == null) return "Nothing is being practised right now. /plan shows your plan.\n";
        String name = Transcript.conceptName(course, open.concept());
        PlanStep step = plan.steps().stream().filter(s -> s.concept().equals(open.concept())).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder("Why " + name + " now? ");
        if (step == null) {
            sb.append("It was on your plan when we started this question; your plan has changed since (/plan).\n");
            return sb.toString();
        }
        String why = Transcript.why(course, step);
        sb.append(Character.toUpperCase(why.charAt(0))).append(why.substring(1)).append(".\n");
        int k = plan.conceptOrder().indexOf(open.concept());
        ConceptState s = model.mastery(open.concept()).orElse(null);
        sb.append(String.format(Locale.ROOT, "It is step %d of %d on your plan; everything it needs is mastered or done. Your mastery "
                        + "of it: %s%s. Expected time: %s.%n", k + 1, plan.steps().size(),
                Transcript.percent(s == null ? 0 : s.posterior()),
                s == null || s.answers() == 0 ? " (no tries on it yet)" : " (from " + s.answers() + (s.answers() == 1 ? " try)" : " tries)"),
                Transcript.duration(step.minutes())));
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
