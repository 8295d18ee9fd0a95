package org.tutorgraph.session.agent;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Link;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.plan.RationalePhraser;
import org.tutorgraph.planner.IncrementalPlanner;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.Step;
import org.tutorgraph.planner.UnreachableGoal;
import org.tutorgraph.session.message.DiagnosisStarted;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.model.LearnerModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Planner as an agent of the session: plans the path from what the learner masters to their goals, and keeps it
 * up to date as mastery changes (the planner module's {@link IncrementalPlanner}: a concept mastered leaves the plan
 * with what only it needed, a prerequisite forgotten is inserted back before its first use, and the rest of the order
 * stays as it was, so the learner's path does not reshuffle under them).
 *
 * <p><b>Replayable state.</b> The incremental planner is working state derived from the log: it is created when a
 * from-scratch {@link PlanAdopted} is applied (from the learner model's mastery and goals at that point) and told every
 * {@link MasteryUpdated} as it is applied, live and in replay alike; so after a replay it holds the plan the live session
 * held. The orchestrator compares its current plan with the adopted one ({@link #planInForce}): when they differ (a
 * mastery change re-planned, or the working state could not be rebuilt) the Planner proposes the new plan.
 */
public final class PlannerAgent implements LearnerModel.Listener {

    private final CourseContext course;
    private final RationalePhraser rationale;
    private final ModelNotices notices;
    private final Messages say;
    private IncrementalPlanner incremental;
    private Plan latest;
    private List<String> goals = List.of();
    /** Whether {@link #latest} comes from a mastery update since the last adoption (rather than being the adopted plan). */
    private boolean updated;
    /** A planner made while proposing a fresh plan, adopted as is when that proposal is applied. */
    private IncrementalPlanner prepared;

    public PlannerAgent(CourseContext course, RationalePhraser rationale, ModelNotices notices) {
        this(course, rationale, notices, MessageLibrary.shipped().in(course.pack().meta().language()));
    }

    /** @param say the notes for the learner when the planner's model fails, in the course's language */
    public PlannerAgent(CourseContext course, RationalePhraser rationale, ModelNotices notices, Messages say) {
        this.course = course;
        this.rationale = rationale;
        this.notices = notices;
        this.say = say;
    }

    // --- working state, rebuilt from the log ------------------------------------------------------------------------

    @Override
    public void applied(SessionMessage m, LearnerModel model) {
        if (m instanceof MasteryUpdated u) {
            // mastery is the learner's across courses: every update of a concept of this course reaches the plan
            if (incremental != null && course.graph().contains(u.concept())) {
                incremental.update(u.concept(), u.posterior()).ifPresent(p -> {
                    latest = p;
                    updated = true;
                });
            }
            return;
        }
        if (!course.isCurrent(model)) return;
        if (m instanceof GoalsSet || m instanceof DiagnosisStarted) {
            incremental = null;
            latest = null;
            updated = false;
        } else if (m instanceof PlanAdopted p && !p.reason().fresh()) {
            updated = false;
        } else if (m instanceof PlanAdopted p && p.reason().fresh()) {
            List<String> g = model.progress().goals();
            IncrementalPlanner made = prepared != null && goals(prepared).equals(g) ? prepared
                    : course.planner().incremental(course.masteryOf(model), g, course.planConfig());
            prepared = null;
            incremental = made;
            latest = made.current();
            goals = g;
            updated = false;
        }
    }

    private List<String> goals(IncrementalPlanner p) {
        return p.current().goals();
    }

    // --- plan ------------------------------------------------------------------------------------------------------

    /** Whether the adopted plan is the one to follow: it exists and the Planner's current plan has the same steps. */
    public boolean planInForce(LearnerModel model) {
        PlanAdopted adopted = model.progress().plan();
        return adopted != null && latest != null && goals.equals(model.progress().goals())
                && adopted.conceptOrder().equals(latest.conceptOrder());
    }

    /** Proposes the plan to follow: updated from the previous one when it can be, else made from scratch. */
    public Next plan(LearnerModel model, Turn turn) {
        List<String> g = model.progress().goals();
        boolean canUpdate = model.progress().plan() != null && latest != null && goals.equals(g) && updated;
        Plan plan;
        PlanAdopted.Reason reason;
        if (canUpdate) {
            plan = latest;
            reason = PlanAdopted.Reason.MASTERY_CHANGED;
        } else {
            prepared = course.planner().incremental(course.masteryOf(model), g, course.planConfig());
            plan = prepared.current();
            reason = model.progress().plan() == null ? PlanAdopted.Reason.FIRST : PlanAdopted.Reason.REBUILT;
        }
        String phrased = reason.fresh() ? phrase(plan) : "";
        ModelNotes.record(notices, turn, say);
        turn.propose(view(plan, reason, phrased));
        return Next.ROUTE_AGAIN;
    }

    private String phrase(Plan plan) {
        if (plan.steps().isEmpty()) return "";
        List<String> names = plan.goals().stream().map(id -> course.graph().contains(id) ? course.concept(id).name() : id).toList();
        StringBuilder lines = new StringBuilder();
        for (Step s : plan.steps()) {
            lines.append(s.number()).append(". ").append(s.name()).append(": ").append(PlanWords.why(view(s), this::name)).append('\n');
        }
        Optional<String> words = rationale.phrase(course.pack(), names, lines.toString(), "");
        return words.map(String::strip).orElse("");
    }

    /** The plan as a message: plain records, explanations as data. */
    PlanAdopted view(Plan plan, PlanAdopted.Reason reason, String phrased) {
        List<PlanStep> steps = new ArrayList<>();
        for (Step s : plan.steps()) steps.add(view(s));
        List<PlanAdopted.Unreachable> unreachable = new ArrayList<>();
        for (UnreachableGoal u : plan.unreachable()) unreachable.add(new PlanAdopted.Unreachable(u.goal(), u.reason()));
        return new PlanAdopted(reason, plan.goals(), steps, plan.masteredGoals(), unreachable, round(plan.totals().learningMinutes()),
                round(plan.totals().total()), plan.threshold(), phrased);
    }

    private String name(String concept) {
        return course.graph().contains(concept) ? course.concept(concept).name() : concept;
    }

    private PlanStep view(Step s) {
        List<PlanStep.Edge> edges = new ArrayList<>();
        for (Link link : s.enables()) {
            if (link instanceof Link.Requires r) {
                edges.add(new PlanStep.Edge("requires", r.concept(), List.of()));
            } else if (link instanceof Link.AnyOf a) {
                List<String> others = new ArrayList<>();
                for (AnyOfGroup group : course.graph().anyOfGroups(a.concept())) {
                    if (group.id().equals(a.group())) {
                        for (String alt : group.alternatives()) if (!alt.equals(a.alternative())) others.add(alt);
                    }
                }
                edges.add(new PlanStep.Edge("anyOf", a.concept(), others));
            }
        }
        return new PlanStep(s.number(), s.concept(), s.name(), s.area(), round(s.cost()), round(s.mastery()), s.goal(),
                s.forGoals(), edges);
    }

    /** Four decimals are plenty for minutes and posteriors shown to a learner, and keep the log readable. */
    private static double round(double x) {
        return Math.round(x * 10_000.0) / 10_000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PlannerAgent[%s, plan=%s]", course.id(), latest == null ? "none" : latest.conceptOrder());
    }
}
