package org.tutorgraph.session;

import org.tutorgraph.session.agent.DiagnosticianAgent;
import org.tutorgraph.session.agent.Next;
import org.tutorgraph.session.agent.PlannerAgent;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.agent.TutorAgent;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;

import java.util.Objects;

/**
 * Decides who acts next, and nothing else: a state enum ({@link Phase}) and a routing function ({@link #route}) over
 * the learner model. It never calls a model and never writes the learner model; the agents propose, the learner model
 * applies.
 *
 * <pre>
 *   no goals                                   → AWAITING_GOALS  (the chat asks the learner)
 *   no diagnosis, one running, or a stale one  → DIAGNOSING      (Diagnostician: next question, or the result)
 *   graded practice answers not yet traced     → TRACING         (Diagnostician: BKT update per assessed concept)
 *   no plan, or mastery changed the plan       → PLANNING        (Planner: plan from scratch, or incremental update)
 *   the plan is finished                       → FINISHED        (Tutor: says so)
 *   otherwise                                  → TUTORING        (Tutor: answer on the open item, or the next item)
 * </pre>
 *
 * A turn runs {@link #run}: route, let that agent act, route again, until an agent has asked the learner something and
 * nothing is left that needs no learner (tracing, planning). So one student input leads to, for example:
 * AnswerGraded, TutorReply (Tutor) → MasteryUpdated (Diagnostician) → PlanAdopted (Planner) → ConceptCompleted,
 * TeachStep (Tutor). Each agent acts at most a few times per turn; {@value #MAX_STEPS} steps without settling is a bug.
 */
public final class Orchestrator {

    /** Routing steps a turn may take before it must have settled. */
    static final int MAX_STEPS = 64;

    /** Who acts next. */
    public enum Phase {
        /** The learner has no goals on this course: the chat asks for them. */
        AWAITING_GOALS,
        /** The Diagnostician places the learner on the graph. */
        DIAGNOSING,
        /** The Diagnostician traces graded answers into mastery. */
        TRACING,
        /** The Planner (re-)plans. */
        PLANNING,
        /** The Tutor works through the plan. */
        TUTORING,
        /** Nothing is left on the plan. */
        FINISHED;

        /** Phases whose agent works without the learner: a turn never ends in them. */
        boolean needsNoLearner() {
            return this == TRACING || this == PLANNING;
        }
    }

    private final DiagnosticianAgent diagnostician;
    private final PlannerAgent planner;
    private final TutorAgent tutor;

    public Orchestrator(DiagnosticianAgent diagnostician, PlannerAgent planner, TutorAgent tutor) {
        this.diagnostician = Objects.requireNonNull(diagnostician, "diagnostician");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.tutor = Objects.requireNonNull(tutor, "tutor");
    }

    /** Who acts next: a function of the learner model (and of the agents' state derived from the same log). */
    public Phase route(LearnerModel model) {
        CourseProgress p = model.progress();
        if (p.goals().isEmpty()) return Phase.AWAITING_GOALS;
        if (diagnostician.needsDiagnosis(model)) return Phase.DIAGNOSING;
        if (diagnostician.hasUntraced(model)) return Phase.TRACING;
        if (!planner.planInForce(model)) return Phase.PLANNING;
        if (p.finished()) return Phase.FINISHED;
        return Phase.TUTORING;
    }

    /**
     * Runs one turn: routes and lets each agent act until one has asked the learner something and no work that needs
     * no learner is left.
     *
     * @return the phase the turn ends in (what the next input will be routed to)
     */
    public Phase run(LearnerModel model, Turn turn) {
        boolean asked = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            Phase phase = route(model);
            if (asked && !phase.needsNoLearner()) return phase;
            Next next = switch (phase) {
                case AWAITING_GOALS -> Next.AWAIT_STUDENT;
                case DIAGNOSING -> diagnostician.diagnose(model, turn);
                case TRACING -> diagnostician.trace(model, turn);
                case PLANNING -> planner.plan(model, turn);
                case TUTORING, FINISHED -> tutor.tutor(model, turn);
            };
            if (phase == Phase.AWAITING_GOALS) return phase;
            if (next == Next.AWAIT_STUDENT) asked = true;
        }
        throw new IllegalStateException("the session did not settle within " + MAX_STEPS + " routing steps (phase "
                + route(model) + "); this is a bug");
    }
}
