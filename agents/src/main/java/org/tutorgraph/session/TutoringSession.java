package org.tutorgraph.session;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.NewEvent;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.models.Models;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.DiagnosticianAgent;
import org.tutorgraph.session.agent.Grading;
import org.tutorgraph.session.agent.PlannerAgent;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.agent.TutorAgent;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.LadderPolicy;
import org.tutorgraph.tutor.TutorEngine;
import org.tutorgraph.tutor.TutorVoice;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One learner's tutoring session on one course: what {@code tutor chat} drives. It holds the learner's session lease
 * for its whole life (a second session of the same learner is refused), rebuilds the learner model by replaying the
 * learner's log, and then runs turns: each student input goes through the {@link Orchestrator}, and every message of
 * the turn, in order, is appended to the store in <b>one transaction</b>. A crash loses at most the turn in flight;
 * the next session replays the log and continues where the learner left off (same goals, plan, item and rung).
 *
 * <p>Not thread-safe: one chat drives it.
 */
public final class TutoringSession implements AutoCloseable {

    private final LearnerStore store;
    private final LearnerId learner;
    private final String sessionId;
    private final CourseContext course;
    private final Models models;
    private final SessionLease lease;
    private final LearnerModel model;
    private final Orchestrator orchestrator;
    private int turns;
    private boolean ended;
    private long lastTurnNanos;
    private long lastAppendNanos;

    private TutoringSession(LearnerStore store, LearnerId learner, String sessionId, CourseContext course, Models models,
                            SessionLease lease, LadderPolicy policy) {
        this.store = store;
        this.learner = learner;
        this.sessionId = sessionId;
        this.course = course;
        this.models = models;
        this.lease = lease;
        Rebuilt r = rebuild(store.events(learner), learner, course, models, policy);
        this.orchestrator = r.orchestrator();
        this.model = r.model();
    }

    /**
     * A learner model and the agents around it, rebuilt from a log.
     *
     * @param model        the learner model after the log
     * @param orchestrator routes over it (its agents hold the state the log implies)
     */
    public record Rebuilt(LearnerModel model, Orchestrator orchestrator) {
        /** Who would act next. */
        public Orchestrator.Phase phase() {
            return orchestrator.route(model);
        }
    }

    /**
     * Rebuilds what a session resuming after {@code log} would hold, without a lease and without writing: the learner
     * model and the agents' state. For checks and tools (the replay tests, the crash harness); the live session is
     * built the same way.
     */
    public static Rebuilt rebuild(List<org.tutorgraph.learner.StoredEvent> log, LearnerId learner, CourseContext course,
                                  Models models, LadderPolicy policy) {
        TutorVoice voice = models.voice(course.pack().meta().title());
        TutorEngine engine = new TutorEngine(voice, policy, models.messages());
        Grading grading = new Grading(course.pack(), engine.checker(), models.grader(), models.namer());
        Messages say = models.messages().in(course.pack().meta().language());
        DiagnosticianAgent diagnostician = new DiagnosticianAgent(course, grading, models.notices(), say);
        PlannerAgent planner = new PlannerAgent(course, models.rationale(), models.notices(), say);
        TutorAgent tutor = new TutorAgent(course, engine, models.streaming(voice), grading, models.notices(), say);
        LearnerModel model = LearnerModel.replay(learner, log, List.of(diagnostician, planner));
        return new Rebuilt(model, new Orchestrator(diagnostician, planner, tutor));
    }

    /**
     * Opens a session: takes the learner's lease (refused with {@link org.tutorgraph.learner.SessionBusyException}
     * while another session holds it) and replays the learner's log. Nothing is written until {@link #begin}.
     */
    public static TutoringSession open(LearnerStore store, LearnerId learner, CourseContext course, Models models,
                                       LadderPolicy policy) {
        return open(store, learner, course, models, policy, newSessionId());
    }

    public static TutoringSession open(LearnerStore store, LearnerId learner, CourseContext course, Models models,
                                       LadderPolicy policy, String sessionId) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(models, "models");
        SessionLease lease = store.acquireSession(learner, sessionId);
        try {
            return new TutoringSession(store, learner, sessionId, course, models, lease, policy);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** A session id: the UTC start time and 24 random bits ({@code 2025-01-31T10:15:02Z-3f2a9c}). */
    public static String newSessionId() {
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + "-" + HexFormat.of().formatHex(r);
    }

    /**
     * The first turn: {@link SessionStarted} (and {@link SessionResumed} when the learner worked on this course before),
     * the goals from the command line when they differ from the learner's, and whatever the orchestrator routes to
     * next (the first question of a diagnosis, the next item, or nothing when goals are still missing).
     */
    public Orchestrator.Phase begin(List<String> goals, Turn.Display display) {
        return turn(null, display, t -> {
            t.propose(new SessionStarted(sessionId, learner.value(), course.id(), course.pack().meta().title(),
                    course.pack().meta().version(), course.fingerprint(), models.settings().tutor().backend().key()));
            if (model.hasHistoryOn(course.id())) {
                CourseProgress p = model.progress();
                OpenItem open = p.open() != null && p.open().isOpen() ? p.open() : null;
                t.propose(new SessionResumed(model.previousSession(), orchestrator.route(model).name(),
                        open == null ? null : open.concept(), open == null ? null : open.item(),
                        open == null ? 0 : open.ladder().level()));
            }
            if (!goals.isEmpty() && !goals.equals(model.progress().goals())) {
                t.propose(new GoalsSet(checkGoals(goals), GoalsSet.Source.FLAG));
            }
        });
    }

    /** One student turn: free text, {@code /hint} or {@code /skip}. */
    public Orchestrator.Phase submit(StudentTurn input, Turn.Display display) {
        if (input.kind() == StudentTurn.Kind.GOAL) throw new IllegalArgumentException("set goals with setGoals");
        models.meter().beginTurn();
        turns++;
        return turn(input, display, t -> t.propose(input));
    }

    /** A turn that sets the learner's goals ({@code typed} is what the learner typed to choose them). */
    public Orchestrator.Phase setGoals(List<String> goals, GoalsSet.Source source, String typed, Turn.Display display) {
        List<String> checked = checkGoals(goals);
        models.meter().beginTurn();
        turns++;
        return turn(null, display, t -> {
            t.propose(StudentTurn.of(StudentTurn.Kind.GOAL, typed));
            t.propose(new GoalsSet(checked, source));
        });
    }

    /** Ends the session: {@link SessionEnded} is appended and the lease released. Idempotent. */
    public void end(SessionEnded.Reason reason, Turn.Display display) {
        if (ended) return;
        try {
            turn(null, display, t -> t.propose(new SessionEnded(reason, turns)), false);
        } finally {
            ended = true;
            lease.close();
        }
    }

    private interface Opening {
        void propose(Turn t);
    }

    private Orchestrator.Phase turn(StudentTurn input, Turn.Display display, Opening opening) {
        return turn(input, display, opening, true);
    }

    private Orchestrator.Phase turn(StudentTurn input, Turn.Display display, Opening opening, boolean route) {
        if (ended) throw new IllegalStateException("the session has ended");
        long start = System.nanoTime();
        Turn t = new Turn(input, model::apply, display == null ? Turn.Display.NONE : display);
        opening.propose(t);
        Orchestrator.Phase phase = route ? orchestrator.run(model, t) : orchestrator.route(model);
        List<NewEvent> events = new ArrayList<>();
        for (SessionMessage m : t.messages()) events.add(MessageCodec.toEvent(m));
        long mid = System.nanoTime();
        if (!events.isEmpty()) store.append(learner, sessionId, events);
        long end = System.nanoTime();
        lastTurnNanos = mid - start;
        lastAppendNanos = end - mid;
        return phase;
    }

    private List<String> checkGoals(List<String> goals) {
        List<String> unknown = goals.stream().filter(g -> !course.graph().contains(g)).toList();
        if (!unknown.isEmpty()) throw new IllegalArgumentException("not a concept of " + course.id() + ": " + String.join(", ", unknown));
        return List.copyOf(new java.util.LinkedHashSet<>(goals));
    }

    /** Who acts next. */
    public Orchestrator.Phase phase() {
        return orchestrator.route(model);
    }

    public LearnerModel model() {
        return model;
    }

    public CourseContext course() {
        return course;
    }

    public Models models() {
        return models;
    }

    public String sessionId() {
        return sessionId;
    }

    public LearnerId learner() {
        return learner;
    }

    /** Student turns so far in this session. */
    public int turns() {
        return turns;
    }

    /** Time of the last turn's orchestration (agents and learner model, no store), in nanoseconds. */
    public long lastTurnNanos() {
        return lastTurnNanos;
    }

    /** Time of the last turn's append to the store (one transaction, with its fsync), in nanoseconds. */
    public long lastAppendNanos() {
        return lastAppendNanos;
    }

    /** Whether {@link #end} was called. */
    public boolean ended() {
        return ended;
    }

    /** Releases the lease without writing anything (a session that ends by an error). */
    @Override
    public void close() {
        ended = true;
        lease.close();
    }
}
