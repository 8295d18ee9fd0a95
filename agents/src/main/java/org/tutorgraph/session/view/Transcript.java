package org.tutorgraph.session.view;

import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;
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
    private final Messages say;
    private final Map<String, Double> lastMastery = new HashMap<>();
    private PlanAdopted lastPlan;
    private boolean finishedShown;

    /** The transcript in the course's language, with the shipped messages. */
    public Transcript(CourseContext course, LearnerModel model) {
        this(course, model, MessageLibrary.shipped());
    }

    /** The transcript in the course's language, with {@code messages} (the layered prompt folders). */
    public Transcript(CourseContext course, LearnerModel model, MessageLibrary messages) {
        this.course = course;
        this.model = model;
        this.say = messages.in(course.pack().meta().language());
    }

    /** The messages this transcript speaks with (the course's language). */
    public Messages messages() {
        return say;
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
        if (message instanceof DiagnosisStarted d) return "\n" + say.plural("checkup.intro", d.budget()) + "\n";
        if (message instanceof DiagnosticQuestion q) return question(q);
        if (message instanceof DiagnosisCompleted d) return diagnosed(d);
        if (message instanceof PlanAdopted p) return plan(p);
        if (message instanceof TeachStep t) return teach(t);
        if (message instanceof TutorReply r) return streamed ? "" : r.text();
        if (message instanceof MasteryUpdated m) return mastery(m);
        if (message instanceof ConceptSkipped s) return say.text("concept.skipped", "concept", name(s.concept()));
        if (message instanceof ConceptCompleted c) return completed(c);
        if (message instanceof PlanFinished f) return finished(f);
        if (message instanceof ModelNotice n) return n.note();
        if (message instanceof SessionEnded) return say.text("session.bye");
        if (message instanceof StudentTurn || message instanceof AnswerGraded || message instanceof HintGiven) return "";
        return "";
    }

    private String started(SessionStarted s) {
        return say.text("session.hello", "learner", s.learner(), "course", s.courseTitle()) + "\n"
                + say.text("session.intro") + "\n" + say.text("session.commands");
    }

    private String resumed(SessionResumed r) {
        StringBuilder sb = new StringBuilder("\n").append(say.text("session.welcomeBack")).append(' ');
        if (r.item() != null) {
            OpenItem open = model.progress().open();
            sb.append(say.text("session.resume.item", "concept", name(r.concept()))).append('\n');
            course.pack().item(r.item()).ifPresent(item -> sb.append(block(item.prompt(), item.choices())));
            if (open != null && open.item().equals(r.item())) {
                String last = lastTutorLine(open.dialogue());
                if (!last.isEmpty() && r.level() > 0) sb.append(say.text("session.resume.lastHint", "hint", last)).append('\n');
            }
            return sb.toString();
        }
        if ("DIAGNOSING".equals(r.phase())) return sb.append(say.text("session.resume.checkup")).toString();
        if ("FINISHED".equals(r.phase())) return sb.append(say.text("session.resume.finished")).toString();
        return sb.append(say.text("session.resume.plan")).toString();
    }

    private static String lastTutorLine(List<String> dialogue) {
        for (int i = dialogue.size() - 1; i >= 0; i--) {
            if (dialogue.get(i).startsWith("Tutor: ")) return dialogue.get(i).substring("Tutor: ".length());
        }
        return "";
    }

    private String goals(GoalsSet g) {
        List<String> names = g.goals().stream().map(this::name).toList();
        return say.plural("session.goals", names.size(), "goals", String.join(", ", names));
    }

    private String question(DiagnosticQuestion q) {
        StringBuilder sb = new StringBuilder();
        if (!q.note().isEmpty()) sb.append(q.note()).append('\n');
        sb.append('\n').append(say.text("checkup.question", "number", q.number(), "budget", q.budget(), "concepts", names(q.concepts()))).append('\n');
        sb.append(block(q.prompt(), q.choices()));
        return sb.toString();
    }

    private String diagnosed(DiagnosisCompleted d) {
        int known = d.mastered().size();
        String knows = known == 0 ? say.text("checkup.masteredNone")
                : say.plural("checkup.mastered", known, "concepts", d.concepts(), "names", names(d.mastered()));
        return "\n" + say.plural("checkup.done", d.questions()) + " " + knows;
    }

    private String plan(PlanAdopted p) {
        PlanAdopted before = lastPlan;
        if (p.reason() == PlanAdopted.Reason.MASTERY_CHANGED && before != null) return planChange(before, p);
        StringBuilder sb = new StringBuilder("\n");
        List<String> goalNames = p.goals().stream().map(this::name).toList();
        if (p.steps().isEmpty()) {
            if (!p.masteredGoals().isEmpty()) sb.append(say.text("plan.alreadyMastered", "names", names(p.masteredGoals()))).append('\n');
            for (PlanAdopted.Unreachable u : p.unreachable()) {
                sb.append(say.text("plan.unreachable", "goal", name(u.goal()), "reason", u.reason())).append('\n');
            }
            return sb.toString();
        }
        sb.append(say.plural("plan.header", p.steps().size(), "goals", String.join(", ", goalNames),
                "time", duration(p.totalMinutes(), say))).append('\n');
        sb.append(Views.planTable(p, model, course, say));
        for (PlanAdopted.Unreachable u : p.unreachable()) {
            sb.append(say.text("plan.notOnPlan", "goal", name(u.goal()), "reason", u.reason())).append('\n');
        }
        // The rationale is a model's prose, the one part of a plan that could state an item's answer; the rest
        // (names, step numbers, minutes, mastery) is computed without the answer and carries nothing about it.
        if (!p.rationale().isEmpty()) sb.append('\n').append(Shield.forPlan(p.rationale().strip(), p, model, course)).append('\n');
        sb.append(say.text("plan.seeAgain"));
        return sb.toString();
    }

    private String planChange(PlanAdopted before, PlanAdopted after) {
        Set<String> was = new LinkedHashSet<>(before.conceptOrder());
        Set<String> now = new LinkedHashSet<>(after.conceptOrder());
        List<String> gone = new ArrayList<>();
        for (String c : was) if (!now.contains(c)) gone.add(c);
        List<String> added = new ArrayList<>();
        for (String c : now) if (!was.contains(c)) added.add(c);
        List<String> parts = new ArrayList<>();
        // the concept just practised is announced by the tutor ("You've mastered …"): not repeated here
        OpenItem open = model.progress().open();
        String practised = open == null ? null : open.concept();
        List<String> mastered = gone.stream().filter(c -> model.posterior(c) >= course.threshold() && !c.equals(practised)).toList();
        List<String> notNeeded = gone.stream().filter(c -> model.posterior(c) < course.threshold()).toList();
        if (!mastered.isEmpty()) parts.add(say.plural("plan.changed.mastered", mastered.size(), "names", names(mastered)));
        if (!notNeeded.isEmpty()) parts.add(say.plural("plan.changed.notNeeded", notNeeded.size(), "names", names(notNeeded)));
        if (!added.isEmpty()) parts.add(say.plural("plan.changed.added", added.size(), "names", names(added)));
        if (parts.isEmpty()) return gone.isEmpty() ? say.text("plan.changed.order") : "";
        return say.text("plan.changed", "changes", String.join("; ", parts), "left", say.plural("plan.stepsLeft", after.steps().size()));
    }

    private String teach(TeachStep t) {
        StringBuilder sb = new StringBuilder("\n");
        PlanAdopted plan = model.progress().plan();
        int k = plan == null ? -1 : plan.conceptOrder().indexOf(t.concept());
        int items = Math.max(t.items(), t.itemNumber());
        String position = say.text("teach.position", "number", t.itemNumber(), "items", items);
        String withStep = k < 0 ? position : say.text("teach.position.step", "number", t.itemNumber(), "items", items,
                "step", k + 1, "steps", plan.steps().size());
        switch (t.reason()) {
            case NEW_CONCEPT -> sb.append(say.text("teach.new", "concept", t.conceptName(), "position", withStep)).append('\n');
            case NEXT_ITEM -> sb.append(say.text("teach.next", "concept", t.conceptName(), "position", position)).append('\n');
            case RETURN_TO_SKIPPED -> sb.append(say.text("teach.skippedBack", "concept", t.conceptName(), "position", withStep)).append('\n');
        }
        sb.append(block(t.prompt(), t.choices()));
        return sb.toString();
    }

    private String mastery(MasteryUpdated m) {
        if (m.cause() != MasteryUpdated.Cause.PRACTICE) return "";
        OpenItem open = model.progress().open();
        if (open == null || !open.concept().equals(m.concept())) return "";
        Double before = lastMastery.get(m.concept());
        if (before != null && percent(before, say).equals(percent(m.posterior(), say))) return "";
        return "  " + (before == null ? say.text("mastery.now", "concept", name(m.concept()), "after", percent(m.posterior(), say))
                : say.text("mastery.change", "concept", name(m.concept()), "before", percent(before, say), "after", percent(m.posterior(), say)));
    }

    private String completed(ConceptCompleted c) {
        return switch (c.outcome()) {
            case MASTERED -> say.text("concept.mastered", "concept", name(c.concept()), "mastery", percent(c.mastery(), say));
            case ITEMS_EXHAUSTED -> say.text("concept.practiceUsedUp", "concept", name(c.concept()), "mastery", percent(c.mastery(), say));
            case NO_ITEMS -> say.text("concept.noPractice", "concept", name(c.concept()));
        };
    }

    private String finished(PlanFinished f) {
        if (finishedShown) return say.text("finished.again");
        StringBuilder sb = new StringBuilder("\n");
        if (f.notMastered().isEmpty()) {
            sb.append(say.plural("finished.reached", f.mastered().size(), "names", names(f.mastered()))).append('\n');
        } else {
            sb.append(say.text("finished.workedThrough"));
            if (!f.mastered().isEmpty()) sb.append(' ').append(say.text("finished.mastered", "names", names(f.mastered())));
            sb.append(' ').append(say.text("finished.notMastered", "names", names(f.notMastered()))).append('\n');
        }
        sb.append(say.text("finished.next"));
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

    /**
     * A posterior as a whole percent ({@code format.percent}: "93%", French "93 %"); never "100%" short of certainty
     * (knowledge tracing never is), nor "0%" above 0. Whole numbers only, so no decimal separator is ever shown.
     */
    static String percent(double p, Messages say) {
        long r = Math.round(p * 100);
        if (r == 100 && p < 1) r = 99;
        if (r == 0 && p > 0) r = p >= 0.005 ? 1 : 0;
        return say.text("format.percent", "value", r);
    }

    /** "25 min", "1 h 5 min" ({@code format.minutes}, {@code format.hours}, {@code format.hoursMinutes}). */
    static String duration(double minutes, Messages say) {
        long m = Math.round(minutes);
        if (m < 60) return say.text("format.minutes", "minutes", m);
        return m % 60 == 0 ? say.text("format.hours", "hours", m / 60) : say.text("format.hoursMinutes", "hours", m / 60, "minutes", m % 60);
    }

    /** For the views: the name of a concept. */
    static String conceptName(CourseContext course, String id) {
        Concept c = course.graph().find(id).orElse(null);
        return c == null ? id : c.name();
    }

    /** For the views: why a step is there, in words. */
    static String why(CourseContext course, PlanStep s, Messages say) {
        return PlanWords.why(s, id -> conceptName(course, id), say);
    }
}
