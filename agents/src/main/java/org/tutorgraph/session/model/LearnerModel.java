package org.tutorgraph.session.model;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosisStarted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.ModelNotice;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.tutor.LadderState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One learner's overlay on the shared knowledge graph, and the only thing that writes it: mastery per concept with
 * its evidence, and per course the goals, the diagnosis' progress, the adopted plan, the open item with its hint
 * ladder, what was practised and skipped. It changes only through {@link #apply}, one message at a time; agents read
 * it and propose messages, never change it.
 *
 * <p><b>Replay.</b> {@link #replay} applies a learner's stored events in order, so the model after a replay is exactly
 * the model the live session had after the same messages (the same code path, and messages carry every value that
 * was computed, never a clock). That is how a session resumes, also after the process was killed: the store's
 * transaction per turn guarantees the log holds whole turns.
 *
 * <p><b>Listeners.</b> Agents that keep working state derived from the log (the Diagnostician's particle belief, the
 * Planner's incremental plan) register a {@link Listener}; it sees every message right after it is applied, live and
 * in replay alike, so that state is rebuilt by the same calls in the same order.
 *
 * <p><b>Evidence in practice</b> is the learner's first action on each item, as in Cognitive Tutor's knowledge tracing
 * (DataShop's "correct first attempt"): a definite answer counts right or wrong; asking for help first (a hint, "I don't
 * know") counts as wrong; what follows on the same item (answers after hints, after feedback) teaches but is not
 * evidence of what the learner knew. Each concept the item assesses gets that one observation.
 *
 * <p>Mastery is the learner's, across courses (concept ids are global, as in the store's mastery view); everything
 * else is per course (the {@link SessionStarted} message says which course the following messages belong to).
 * Applying a message is O(1); the course's progress view is built on the first read after a change, O(size of that
 * progress), and shared until the next change.
 * Not thread-safe: one session drives it.
 */
public final class LearnerModel {

    /** How many lines of dialogue on the open item are kept for a model-backed tutor. */
    public static final int DIALOGUE_LINES = 6;

    /** Longest line of dialogue kept (a longer message is cut). */
    private static final int DIALOGUE_LINE_CHARS = 300;

    /** Sees every message right after the model applied it. */
    @FunctionalInterface
    public interface Listener {
        void applied(SessionMessage message, LearnerModel model);
    }

    private final LearnerId learner;
    private final SortedMap<String, ConceptState> mastery = new TreeMap<>();
    private final SortedMap<String, Course> courses = new TreeMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String session = "";
    private String course = "";
    private String fingerprint = "";
    private long applied;

    public LearnerModel(LearnerId learner) {
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    /**
     * A model rebuilt from a learner's log: each event decoded and applied in order, listeners seeing each as it is
     * applied. Events of other types are skipped; events that cannot be read are skipped too and listed in
     * {@link #problems()} (the same ones on every replay, so replay stays deterministic).
     */
    public static LearnerModel replay(LearnerId learner, List<StoredEvent> log, List<Listener> listeners) {
        LearnerModel model = new LearnerModel(learner);
        listeners.forEach(model::listen);
        for (StoredEvent e : log) {
            Optional<SessionMessage> m;
            try {
                m = MessageCodec.fromEvent(e);
            } catch (MessageCodec.UnreadableMessageException bad) {
                model.problems.add("event " + e.seq() + " of session " + e.session() + ": " + bad.getMessage());
                continue;
            }
            m.ifPresent(model::apply);
        }
        return model;
    }

    public void listen(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Applies one message, then tells the listeners. */
    public void apply(SessionMessage message) {
        Objects.requireNonNull(message, "message");
        // Java 17 has no pattern switch: one branch per message type (the codec tests check every type is covered)
        if (message instanceof SessionStarted m) started(m);
        else if (message instanceof StudentTurn m) student(m);
        else if (message instanceof GoalsSet m) goals(m);
        else if (message instanceof DiagnosisStarted m) diagnosisStarted(m);
        else if (message instanceof DiagnosticQuestion m) asked(m);
        else if (message instanceof AnswerGraded m) graded(m);
        else if (message instanceof MasteryUpdated m) mastery(m);
        else if (message instanceof DiagnosisCompleted m) diagnosisCompleted(m);
        else if (message instanceof PlanAdopted m) planAdopted(m);
        else if (message instanceof TeachStep m) teach(m);
        else if (message instanceof HintGiven m) hint(m);
        else if (message instanceof TutorReply m) replied(m);
        else if (message instanceof ConceptSkipped m) skipped(m);
        else if (message instanceof ConceptCompleted m) completed(m);
        else if (message instanceof PlanFinished) current().finished = true;
        else if (!(message instanceof SessionResumed || message instanceof ModelNotice
                || message instanceof SessionEnded)) {
            throw new IllegalArgumentException("no rule for " + message.typeName());
        }
        // SessionResumed, ModelNotice, SessionEnded record what happened; they change no state
        Course changed = courses.get(course);
        if (changed != null) changed.view = null;
        applied++;
        for (Listener l : listeners) l.applied(message, this);
    }

    // --- the rules ------------------------------------------------------------------------------------------------

    private void started(SessionStarted m) {
        session = m.session();
        course = m.course();
        fingerprint = m.fingerprint();
        Course c = courses.computeIfAbsent(course, k -> new Course());
        c.previousSession = c.lastSession;
        c.lastSession = session;
    }

    private void student(StudentTurn m) {
        Course c = current();
        c.turns++;
        if (c.open != null && c.open.isOpen()) {
            String line = switch (m.kind()) {
                case HINT -> "Student: (asks for a hint)";
                case SKIP -> "Student: (skips)";
                default -> "Student: " + m.text();
            };
            c.dialogue(line);
        }
    }

    private void goals(GoalsSet m) {
        Course c = current();
        c.goals = m.goals();
        c.newRound();
    }

    private void diagnosisStarted(DiagnosisStarted m) {
        Course c = current();
        c.diagnosis = new DiagnosisProgress(DiagnosisProgress.Status.RUNNING, fingerprint, m.seed(), m.budget(), 0, null,
                c.diagnosis.started() + 1);
        c.newRound();
    }

    private void asked(DiagnosticQuestion m) {
        Course c = current();
        DiagnosisProgress d = c.diagnosis;
        c.diagnosis = new DiagnosisProgress(d.status(), d.fingerprint(), d.seed(), d.budget(), d.answered(), m, d.started());
        if (m.item() != null) c.diagnosed.add(m.item());
    }

    private void graded(AnswerGraded m) {
        Course c = current();
        if (m.phase() == AnswerGraded.Phase.DIAGNOSIS) {
            if (!m.isEvidence()) return;
            DiagnosisProgress d = c.diagnosis;
            c.diagnosis = new DiagnosisProgress(d.status(), d.fingerprint(), d.seed(), d.budget(), d.answered() + 1, null, d.started());
        } else if (m.isEvidence()) {
            firstAction(c, m.item(), m.correct());
        }
    }

    private void hint(HintGiven m) {
        if (m.requested()) firstAction(current(), m.item(), false);
    }

    /** The first action on the open item becomes evidence on each concept it assesses; later ones do not. */
    private static void firstAction(Course c, String item, boolean correct) {
        if (c.open == null || c.open.scored() || !c.open.item().equals(item)) return;
        for (String concept : c.open.assesses()) c.untraced.add(new CourseProgress.Evidence(concept, correct));
        c.open = c.open.scoredNow();
    }

    private void mastery(MasteryUpdated m) {
        mastery.put(m.concept(), new ConceptState(m.posterior(), m.pUnknown(), m.evidence(), m.correct()));
        if (m.cause() == MasteryUpdated.Cause.PRACTICE) {
            List<CourseProgress.Evidence> pending = current().untraced;
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).concept().equals(m.concept())) {
                    pending.remove(i);
                    break;
                }
            }
        }
    }

    private void diagnosisCompleted(DiagnosisCompleted m) {
        Course c = current();
        DiagnosisProgress d = c.diagnosis;
        c.diagnosis = new DiagnosisProgress(DiagnosisProgress.Status.DONE, d.fingerprint(), d.seed(), d.budget(), m.questions(),
                null, d.started());
    }

    private void planAdopted(PlanAdopted m) {
        Course c = current();
        c.plan = m;
        c.finished = false;
    }

    private void teach(TeachStep m) {
        Course c = current();
        c.open = new OpenItem(m.concept(), m.item(), m.assesses(), m.itemNumber(), LadderState.start(), false, List.of());
        c.practised.computeIfAbsent(m.concept(), k -> new ArrayList<>()).add(m.item());
        c.seen.add(m.item());
        c.skipped.remove(m.concept());
        c.finished = false;
    }

    private void replied(TutorReply m) {
        Course c = current();
        if (c.open == null || !c.open.item().equals(m.item())) return;
        c.open = c.open.withLadder(m.ladder());
        c.dialogue("Tutor: " + m.text());
    }

    private void skipped(ConceptSkipped m) {
        Course c = current();
        c.skipped.add(m.concept());
        if (c.open != null && c.open.concept().equals(m.concept())) c.open = null;
    }

    private void completed(ConceptCompleted m) {
        Course c = current();
        c.completed.put(m.concept(), m.outcome());
        c.skipped.remove(m.concept());
        if (c.open != null && c.open.concept().equals(m.concept()) && !c.open.isOpen()) c.open = null;
    }

    private Course current() {
        if (course.isEmpty()) throw new IllegalStateException("a session message before SessionStarted");
        return courses.get(course);
    }

    // --- reading --------------------------------------------------------------------------------------------------

    public LearnerId learner() {
        return learner;
    }

    /** The session the last applied messages belong to ("" before any). */
    public String session() {
        return session;
    }

    /** The course of the current session ("" before any). */
    public String course() {
        return course;
    }

    /** The current session's course fingerprint. */
    public String fingerprint() {
        return fingerprint;
    }

    /** How many messages were applied (replayed ones included). */
    public long applied() {
        return applied;
    }

    /** Events a replay had to skip because they could not be read (empty normally). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The tracing state of {@code concept}, if any message spoke of it. */
    public Optional<ConceptState> mastery(String concept) {
        return Optional.ofNullable(mastery.get(concept));
    }

    /** P(mastered) of {@code concept}; 0 when nothing is known (a new learner knows nothing yet, as the planner assumes). */
    public double posterior(String concept) {
        ConceptState s = mastery.get(concept);
        return s == null ? 0.0 : s.posterior();
    }

    /** Every concept's state, by concept id. */
    public SortedMap<String, ConceptState> mastery() {
        return Collections.unmodifiableSortedMap(mastery);
    }

    /** The progress on the current session's course. */
    public CourseProgress progress() {
        return progress(course);
    }

    /** The progress on {@code courseId} (empty progress when the learner never worked on it). */
    public CourseProgress progress(String courseId) {
        Course c = courses.get(courseId);
        return c == null ? new Course().view() : c.view();
    }

    /** Whether the learner ever worked on {@code courseId} (had a session on it before the current one). */
    public boolean hasHistoryOn(String courseId) {
        Course c = courses.get(courseId);
        if (c == null) return false;
        boolean currentIsIt = courseId.equals(course);
        return currentIsIt ? !c.previousSession.isEmpty() : !c.lastSession.isEmpty();
    }

    /** The session before the current one on the current course ("" when none). */
    public String previousSession() {
        Course c = courses.get(course);
        return c == null ? "" : c.previousSession;
    }

    /**
     * Everything the model holds, as one value: two models that applied the same messages have equal snapshots (what the
     * replay tests compare).
     */
    public Snapshot snapshot() {
        Map<String, CourseProgress> views = new LinkedHashMap<>();
        courses.forEach((id, c) -> views.put(id, c.view()));
        return new Snapshot(learner.value(), session, course, fingerprint, new TreeMap<>(mastery), views);
    }

    /** The whole learner model as a value. */
    public record Snapshot(String learner, String session, String course, String fingerprint,
                           SortedMap<String, ConceptState> mastery, Map<String, CourseProgress> courses) {
        public Snapshot {
            mastery = Collections.unmodifiableSortedMap(new TreeMap<>(mastery));
            courses = Collections.unmodifiableMap(new LinkedHashMap<>(courses));
        }
    }

    /** The mutable progress behind {@link CourseProgress}. */
    private static final class Course {
        String lastSession = "";
        String previousSession = "";
        List<String> goals = List.of();
        DiagnosisProgress diagnosis = DiagnosisProgress.NONE;
        PlanAdopted plan;
        OpenItem open;
        final Map<String, List<String>> practised = new TreeMap<>();
        final TreeSet<String> seen = new TreeSet<>();
        final TreeSet<String> diagnosed = new TreeSet<>();
        final LinkedHashSet<String> skipped = new LinkedHashSet<>();
        final Map<String, ConceptCompleted.Outcome> completed = new TreeMap<>();
        final List<CourseProgress.Evidence> untraced = new ArrayList<>();
        boolean finished;
        int turns;
        /** The last view built, until the next message changes this course (agents read it many times a turn). */
        CourseProgress view;

        /**
         * New goals or a new diagnosis start a new round: no plan until the Planner makes one, nothing open, and every
         * concept may be practised again (items never seen first, then the others).
         */
        void newRound() {
            plan = null;
            open = null;
            practised.clear();
            skipped.clear();
            completed.clear();
            untraced.clear();
            finished = false;
        }

        void dialogue(String line) {
            if (open == null) return;
            String cut = line.length() > DIALOGUE_LINE_CHARS ? line.substring(0, DIALOGUE_LINE_CHARS) + "…" : line;
            List<String> lines = new ArrayList<>(open.dialogue());
            lines.add(cut.replace('\n', ' '));
            while (lines.size() > DIALOGUE_LINES) lines.remove(0);
            open = open.withDialogue(lines);
        }

        CourseProgress view() {
            if (view == null) {
                view = new CourseProgress(lastSession, goals, diagnosis, plan, open, practised, seen, diagnosed,
                        new ArrayList<>(skipped), completed, untraced, finished, turns);
            }
            return view;
        }
    }
}
