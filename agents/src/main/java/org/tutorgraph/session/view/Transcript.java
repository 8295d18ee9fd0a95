package org.tutorgraph.session.view;

import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.PlanWords;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosisStarted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.ModelNotice;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the learner reads: each message of the session in words. The chat prints {@link #render}'s text for every
 * message as it is applied (through a terminal sanitiser: course and model text are untrusted). Messages that are
 * records for the trace only (an answer graded, a hint given: the tutor's reply says it) render as nothing.
 *
 * <p>Never shows an answer below bottom-out: the words it adds are the course's own prompts, names and the tutor's
 * guarded replies; feedback on answers is the tutor's (guarded) reply, and the diagnosis gives none. Keeps the last plan
 * and mastery it saw, to say what changed. Not thread-safe: one per chat.
 */
public final class Transcript {

    private final CourseContext course;
    private final LearnerModel model;
    private final Map<String, Double> lastMastery = new HashMap<>();
    private PlanAdopted lastPlan;
    private boolean finishedShown;

    public Transcript(CourseContext course, LearnerModel model) {
        this.course = course;
        this.model = model;
    }

    /**
     * The text for one message, "" for none; lines end with a newline.
     *
     * @param streamed whether the message's words already reached the learner as they were generated (a tutor reply)
     */
    public String render(SessionMessage message, boolean streamed) {
        String text = text(message, streamed);
        if (message instanceof MasteryUpdated m) lastMastery.put(m.concept(), m.posterior());
        if (message instanceof PlanAdopted p) lastPlan = p;
        if (message instanceof GoalsSet || message instanceof DiagnosisStarted) lastPlan = null;
        if (message instanceof PlanFinished) finishedShown = true;
        if (message instanceof PlanAdopted || message instanceof GoalsSet || message instanceof TeachStep) finishedShown = false;
        if (text.isEmpty()) return "";
        return text.endsWith("\n") ? text : text + "\n";
    }

    private String text(SessionMessage message, boolean streamed) {
        if (message instanceof SessionStarted s) return started(s);
        if (message instanceof SessionResumed r) return resumed(r);
        if (message instanceof GoalsSet g) return goals(g);
        if (message instanceof DiagnosisStarted d) return "\nFirst, a short check-up (at most " + d.budget() + " questions) to see what you "
                + "already know, so your plan can skip it. There are no hints or feedback here: answer as well as you can, "
                + "or say \"I don't know\".\n";
        if (message instanceof DiagnosticQuestion q) return question(q);
        if (message instanceof DiagnosisCompleted d) return diagnosed(d);
        if (message instanceof PlanAdopted p) return plan(p);
        if (message instanceof TeachStep t) return teach(t);
        if (message instanceof TutorReply r) return streamed ? "" : r.text();
        if (message instanceof MasteryUpdated m) return mastery(m);
        if (message instanceof ConceptSkipped s) return "OK, we'll leave " + name(s.concept()) + " for now and come back to it "
                + "when the rest of your plan needs it.";
        if (message instanceof ConceptCompleted c) return completed(c);
        if (message instanceof PlanFinished f) return finished(f);
        if (message instanceof ModelNotice n) return n.note();
        if (message instanceof SessionEnded) return "Your progress is saved. See you next time!";
        if (message instanceof StudentTurn || message instanceof AnswerGraded || message instanceof HintGiven) return "";
        return "";
    }

    private String started(SessionStarted s) {
        String title = s.courseTitle();
        return "Hello " + s.learner() + "! Welcome to \"" + title + "\".\n"
                + "I'll check what you already know, plan a path to your goal, and help you practise it step by step.\n"
                + "Type /help for the commands. Your progress is saved after every answer.";
    }

    private String resumed(SessionResumed r) {
        StringBuilder sb = new StringBuilder("\nWelcome back! ");
        if (r.item() != null) {
            OpenItem open = model.progress().open();
            sb.append("We were working on ").append(name(r.concept())).append(":\n");
            course.pack().item(r.item()).ifPresent(item -> sb.append(block(item.prompt(), item.choices())));
            if (open != null && open.item().equals(r.item())) {
                String last = lastTutorLine(open.dialogue());
                if (!last.isEmpty() && r.level() > 0) sb.append("Where we were: ").append(last).append('\n');
            }
            return sb.toString();
        }
        if ("DIAGNOSING".equals(r.phase())) return sb.append("Let's finish your check-up.").toString();
        if ("FINISHED".equals(r.phase())) return sb.append("You have finished your plan. Type /goal to choose new goals.").toString();
        return sb.append("Let's carry on with your plan.").toString();
    }

    private static String lastTutorLine(List<String> dialogue) {
        for (int i = dialogue.size() - 1; i >= 0; i--) {
            if (dialogue.get(i).startsWith("Tutor: ")) return dialogue.get(i).substring("Tutor: ".length());
        }
        return "";
    }

    private String goals(GoalsSet g) {
        List<String> names = g.goals().stream().map(this::name).toList();
        return (names.size() == 1 ? "Your goal: " : "Your goals: ") + String.join(", ", names) + ".";
    }

    private String question(DiagnosticQuestion q) {
        StringBuilder sb = new StringBuilder();
        if (!q.note().isEmpty()) sb.append(q.note()).append('\n');
        sb.append(String.format(Locale.ROOT, "%nQuestion %d of up to %d (%s)%n", q.number(), q.budget(), names(q.concepts())));
        sb.append(block(q.prompt(), q.choices()));
        return sb.toString();
    }

    private String diagnosed(DiagnosisCompleted d) {
        int known = d.mastered().size();
        String knows = known == 0 ? "Nothing in this course looks mastered yet, so we'll start from the beginning of your path."
                : known == 1 ? "You already master 1 of the " + d.concepts() + " concepts of this course: " + names(d.mastered()) + "."
                : "You already master " + known + " of the " + d.concepts() + " concepts of this course.";
        return String.format(Locale.ROOT, "%nThanks, that's the check-up done (%d question%s). %s", d.questions(),
                d.questions() == 1 ? "" : "s", knows);
    }

    private String plan(PlanAdopted p) {
        PlanAdopted before = lastPlan;
        if (p.reason() == PlanAdopted.Reason.MASTERY_CHANGED && before != null) return planChange(before, p);
        StringBuilder sb = new StringBuilder("\n");
        List<String> goalNames = p.goals().stream().map(this::name).toList();
        if (p.steps().isEmpty()) {
            if (!p.masteredGoals().isEmpty()) sb.append("You already master ").append(names(p.masteredGoals())).append(".\n");
            for (PlanAdopted.Unreachable u : p.unreachable()) sb.append("I can't plan a path to ").append(name(u.goal()))
                    .append(": ").append(u.reason()).append(".\n");
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "Your plan to reach %s (%d step%s, about %s):%n", String.join(", ", goalNames),
                p.steps().size(), p.steps().size() == 1 ? "" : "s", duration(p.totalMinutes())));
        sb.append(Views.planTable(p, model, course));
        for (PlanAdopted.Unreachable u : p.unreachable()) sb.append("(Not on the plan: ").append(name(u.goal())).append(": ")
                .append(u.reason()).append(".)\n");
        // The rationale is a model's prose, the one part of a plan that could state the open item's answer; the rest
        // (names, step numbers, minutes, mastery) is computed without the answer and carries nothing about it.
        if (!p.rationale().isEmpty()) sb.append('\n').append(Shield.forOpenItem(p.rationale().strip(), model, course)).append('\n');
        sb.append("Type /plan to see it again and /why to ask why a step is there.");
        return sb.toString();
    }

    private String planChange(PlanAdopted before, PlanAdopted after) {
        Set<String> was = new LinkedHashSet<>(before.conceptOrder());
        Set<String> now = new LinkedHashSet<>(after.conceptOrder());
        List<String> gone = new ArrayList<>();
        for (String c : was) if (!now.contains(c)) gone.add(c);
        List<String> added = new ArrayList<>();
        for (String c : now) if (!was.contains(c)) added.add(c);
        StringBuilder sb = new StringBuilder("Your plan changed: ");
        List<String> parts = new ArrayList<>();
        // the concept just practised is announced by the tutor ("You've mastered …"): not repeated here
        OpenItem open = model.progress().open();
        String practised = open == null ? null : open.concept();
        List<String> mastered = gone.stream().filter(c -> model.posterior(c) >= course.threshold() && !c.equals(practised)).toList();
        List<String> notNeeded = gone.stream().filter(c -> model.posterior(c) < course.threshold()).toList();
        if (!mastered.isEmpty()) parts.add(names(mastered) + (mastered.size() == 1 ? " is" : " are") + " mastered");
        if (!notNeeded.isEmpty()) parts.add(names(notNeeded) + (notNeeded.size() == 1 ? " is" : " are") + " no longer needed");
        if (!added.isEmpty()) parts.add(names(added) + (added.size() == 1 ? " was" : " were") + " added, to brush up before you build on "
                + (added.size() == 1 ? "it" : "them"));
        if (parts.isEmpty()) return gone.isEmpty() ? "Your plan changed: the order of the steps was updated." : "";
        sb.append(String.join("; ", parts)).append(String.format(Locale.ROOT, ". %d step%s left.", after.steps().size(),
                after.steps().size() == 1 ? "" : "s"));
        return sb.toString();
    }

    private String teach(TeachStep t) {
        StringBuilder sb = new StringBuilder("\n");
        PlanAdopted plan = model.progress().plan();
        String where = "";
        if (plan != null) {
            int k = plan.conceptOrder().indexOf(t.concept());
            if (k >= 0) where = String.format(Locale.ROOT, ", step %d of %d", k + 1, plan.steps().size());
        }
        switch (t.reason()) {
            case NEW_CONCEPT -> sb.append("Now: ").append(t.conceptName()).append(" (").append(itemCount(t)).append(where).append(")\n");
            case NEXT_ITEM -> sb.append("Another one on ").append(t.conceptName()).append(" (").append(itemCount(t)).append(")\n");
            case RETURN_TO_SKIPPED -> sb.append("Let's come back to ").append(t.conceptName())
                    .append(", which you skipped: the rest of your plan builds on it (").append(itemCount(t)).append(where).append(")\n");
        }
        sb.append(block(t.prompt(), t.choices()));
        return sb.toString();
    }

    private static String itemCount(TeachStep t) {
        return "question " + t.itemNumber() + " of " + Math.max(t.items(), t.itemNumber());
    }

    private String mastery(MasteryUpdated m) {
        if (m.cause() != MasteryUpdated.Cause.PRACTICE) return "";
        OpenItem open = model.progress().open();
        if (open == null || !open.concept().equals(m.concept())) return "";
        Double before = lastMastery.get(m.concept());
        if (before != null && percent(before).equals(percent(m.posterior()))) return "";
        String from = before == null ? "" : percent(before) + " -> ";
        return "  (" + name(m.concept()) + ": mastery " + from + percent(m.posterior()) + ")";
    }

    private String completed(ConceptCompleted c) {
        return switch (c.outcome()) {
            case MASTERED -> "You've mastered " + name(c.concept()) + " (" + percent(c.mastery()) + ")!";
            case ITEMS_EXHAUSTED -> "That's all the practice I have on " + name(c.concept()) + " for now (mastery "
                    + percent(c.mastery()) + "). Let's move on; /progress shows where you stand.";
            case NO_ITEMS -> "The course has no practice questions on " + name(c.concept()) + ", so let's move on.";
        };
    }

    private String finished(PlanFinished f) {
        if (finishedShown) return "Your plan is finished: type /goal to choose new goals, /progress to see where you stand, or /quit.";
        StringBuilder sb = new StringBuilder("\n");
        if (f.notMastered().isEmpty()) {
            sb.append("Well done: you've reached ").append(f.mastered().size() == 1 ? "your goal, " : "your goals, ")
                    .append(names(f.mastered())).append("!\n");
        } else {
            sb.append("You've worked through your plan.");
            if (!f.mastered().isEmpty()) sb.append(" Mastered: ").append(names(f.mastered())).append('.');
            sb.append(" Not mastered yet: ").append(names(f.notMastered())).append(" (the practice questions ran out).\n");
        }
        sb.append("Type /goal to choose new goals, /progress to see where you stand, or /quit.");
        return sb.toString();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** An item as the learner sees it: the prompt, and the lettered choices of a multiple-choice item. */
    static String block(String prompt, List<String> choices) {
        StringBuilder sb = new StringBuilder();
        for (String line : prompt.strip().split("\n", -1)) sb.append("  ").append(line.strip()).append('\n');
        for (int i = 0; i < choices.size(); i++) {
            sb.append("    ").append(AnswerSyntax.letter(i)).append(") ").append(choices.get(i)).append('\n');
        }
        return sb.toString();
    }

    private String name(String concept) {
        CourseGraph g = course.graph();
        return g.contains(concept) ? g.concept(concept).name() : concept;
    }

    private String names(List<String> concepts) {
        return String.join(", ", concepts.stream().map(this::name).toList());
    }

    /** A posterior as a whole percent; never "100%" short of certainty (knowledge tracing never is), nor "0%" above 0. */
    static String percent(double p) {
        long r = Math.round(p * 100);
        if (r == 100 && p < 1) r = 99;
        if (r == 0 && p > 0) r = p >= 0.005 ? 1 : 0;
        return String.format(Locale.ROOT, "%d%%", r);
    }

    /** "25 min", "1 h 5 min". */
    static String duration(double minutes) {
        long m = Math.round(minutes);
        if (m < 60) return m + " min";
        return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    }

    /** For the views: the name of a concept. */
    static String conceptName(CourseContext course, String id) {
        Concept c = course.graph().find(id).orElse(null);
        return c == null ? id : c.name();
    }

    /** For the views: why a step is there, in words. */
    static String why(CourseContext course, PlanStep s) {
        return PlanWords.why(s, id -> conceptName(course, id));
    }
}
