package org.tutorgraph.session.agent;

import org.tutorgraph.diagnosis.DiagnosisSession;
import org.tutorgraph.diagnosis.DiagnosisSettings;
import org.tutorgraph.diagnosis.Diagnostician;
import org.tutorgraph.diagnosis.PriorEvidence;
import org.tutorgraph.diagnosis.Question;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosisStarted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.model.ConceptState;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.DiagnosisProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.tutor.InputClassifier;
import org.tutorgraph.tutor.StudentInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Diagnostician as an agent of the session. Two jobs:
 * <ul>
 *   <li><b>diagnose</b> ({@link #diagnose}): place a new learner on the course graph with few questions (the
 *       {@link Diagnostician}'s graph-aware adaptive diagnosis; no feedback, no hints), then publish a posterior for every
 *       concept;</li>
 *   <li><b>trace</b> ({@link #trace}): after each graded practice answer, update every concept the item assesses with
 *       BKT (the same O(1) step as {@link org.tutorgraph.kt.Tracer}, applied to the state the learner model holds).</li>
 * </ul>
 *
 * <p><b>Replayable state.</b> The running diagnosis (a particle belief) is working state derived from the log: it is
 * built when a {@link DiagnosisStarted} is applied (which carries the seed, the budget and the prior evidence) and fed
 * each diagnostic {@link AnswerGraded} as it is applied, live and in replay alike, so a resumed diagnosis asks exactly the
 * question the interrupted one would have asked. The seed is derived from the learner, the course and the number of
 * diagnoses started, so sessions are reproducible too. The tracing state lives in the learner model itself (posterior,
 * P(unknown), answers), so a replay continues it exactly.
 */
public final class DiagnosticianAgent implements LearnerModel.Listener {

    /** A yes to "do you already know …?", in English or French. */
    private static final Pattern YES = Pattern.compile("(?iu)^\\s*(?:y|yes|yeah|yep|yup|sure|i do|i know it|of course"
            + "|oui|ouais|bien sûr|je connais|je sais)\\W*$");
    private static final Pattern NO = Pattern.compile("(?iu)^\\s*(?:n|no|nope|not really|not yet|i don'?t|no idea"
            + "|non|pas vraiment|pas encore|je ne connais pas|je connais pas)\\W*$");

    private final CourseContext course;
    private final Grading grading;
    private final ModelNotices notices;
    private final Messages say;
    /** The start of the diagnosis in progress (null when none), and what happened in it since, oldest first. */
    private DiagnosisStarted started;
    private final List<SessionMessage> since = new ArrayList<>();
    /** The belief, built from {@link #started} and {@link #since} the first time it is needed, then kept up to date. */
    private DiagnosisSession running;
    private boolean diverged;

    public DiagnosticianAgent(CourseContext course, Grading grading, ModelNotices notices) {
        this(course, grading, notices, MessageLibrary.shipped().in(course.pack().meta().language()));
    }

    /** @param say what the check-up says to the learner, in the course's language */
    public DiagnosticianAgent(CourseContext course, Grading grading, ModelNotices notices, Messages say) {
        this.course = course;
        this.grading = grading;
        this.notices = notices;
        this.say = say;
    }

    // --- working state, rebuilt from the log ------------------------------------------------------------------------

    /**
     * Follows the log. The belief is built lazily: a replay of a finished diagnosis never builds it, and a resumed one
     * builds it on first use by the same calls in the same order as the live session made them.
     */
    @Override
    public void applied(SessionMessage m, LearnerModel model) {
        if (!course.isCurrent(model)) return;
        if (m instanceof DiagnosisStarted d) {
            started = d;
            since.clear();
            running = null;
            diverged = false;
        } else if (m instanceof DiagnosisCompleted) {
            started = null;
            since.clear();
            running = null;
        } else if (started != null && (m instanceof DiagnosticQuestion
                || m instanceof AnswerGraded a && a.phase() == AnswerGraded.Phase.DIAGNOSIS && a.isEvidence())) {
            if (running != null) follow(m);
            else since.add(m);
        }
    }

    private void follow(SessionMessage m) {
        if (m instanceof DiagnosticQuestion q) {
            // a consistency check that costs one question choice: the belief must propose what was asked
            Optional<Question> next = running.nextQuestion();
            if (next.isEmpty() || !next.get().id().equals(q.question())) diverged = true;
        } else if (m instanceof AnswerGraded a) {
            Optional<Item> item = a.item() == null ? Optional.empty() : course.pack().item(a.item());
            running.observe(new Question(a.question(), a.concepts(), item), a.correct());
        }
    }

    /** The running diagnosis' belief, built now if it was not yet; null when no diagnosis is running. */
    private DiagnosisSession session() {
        if (running == null && started != null) {
            running = start(started);
            for (SessionMessage m : since) follow(m);
            since.clear();
        }
        return running;
    }

    private DiagnosisSession start(DiagnosisStarted d) {
        Diagnostician base = course.diagnostician();
        DiagnosisSettings s = base.settings().withSeed(d.seed()).withMaxQuestions(d.budget()).withTargetAccuracy(d.targetAccuracy());
        Diagnostician seeded = new Diagnostician(s, base.params());
        return seeded.startDiagnosis(course.pack(), new PriorEvidence(List.of(), d.prior()));
    }

    // --- diagnose --------------------------------------------------------------------------------------------------

    /** Whether the course needs a diagnosis now: none yet, one running, or one made on other course content. */
    public boolean needsDiagnosis(LearnerModel model) {
        DiagnosisProgress d = model.progress().diagnosis();
        return d.status() != DiagnosisProgress.Status.DONE || d.staleFor(course.fingerprint());
    }

    public Next diagnose(LearnerModel model, Turn turn) {
        DiagnosisProgress d = model.progress().diagnosis();
        if (d.status() != DiagnosisProgress.Status.RUNNING || d.staleFor(course.fingerprint()) || session() == null || diverged) {
            turn.propose(new DiagnosisStarted(seedFor(model, d.started()), course.diagnosisBudget(),
                    course.diagnostician().settings().targetAccuracy(), prior(model)));
            d = model.progress().diagnosis();
        }
        DiagnosticQuestion pending = d.pending();
        Optional<StudentTurn> input = pending == null ? Optional.empty() : turn.take();
        if (pending != null && input.isEmpty()) {
            turn.propose(pending.again(say.text("checkup.resume")));
            return Next.AWAIT_STUDENT;
        }
        if (pending != null) {
            Optional<String> again = answer(pending, input.get(), turn);
            if (again.isPresent()) {
                turn.propose(pending.again(again.get()));
                return Next.AWAIT_STUDENT;
            }
        }
        DiagnosisSession belief = session();
        Optional<Question> next = belief.isComplete() ? Optional.empty() : belief.nextQuestion();
        if (next.isEmpty()) {
            complete(model, turn);
            return Next.ROUTE_AGAIN;
        }
        turn.propose(question(next.get(), model.progress().diagnosis()));
        return Next.AWAIT_STUDENT;
    }

    /** Grades the answer to {@code q} and proposes it; returns why to ask again when it is not evidence. */
    private Optional<String> answer(DiagnosticQuestion q, StudentTurn in, Turn turn) {
        String text = in.text();
        if (in.kind() == StudentTurn.Kind.HINT) return Optional.of(say.text("checkup.noHints"));
        if (in.kind() == StudentTurn.Kind.SKIP) text = "I don't know";
        if (q.item() == null) return probeAnswer(q, text, turn);
        Item item = course.pack().item(q.item()).orElseThrow();
        StudentInput kind = InputClassifier.classify(text, item.type());
        if (kind instanceof StudentInput.HintRequest) return Optional.of(say.text("checkup.noHints"));
        if (kind instanceof StudentInput.AnswerDemand || kind instanceof StudentInput.Chat) return Optional.of(say.text("checkup.justTry"));
        Grading.Graded g = grading.grade(item, text);
        ModelNotes.record(notices, turn, say);
        AnswerGraded graded = new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, q.question(), q.item(), q.concepts(), text,
                g.verdict(), g.misconception(), g.by(), g.detail());
        turn.propose(graded);
        if (graded.isEvidence()) return Optional.empty();
        return Optional.of(switch (graded.verdict()) {
            case AMBIGUOUS -> say.text("checkup.several");
            default -> g.detail().isEmpty() ? say.text("checkup.unreadable") : say.text("checkup.unreadable.detail", "detail", g.detail());
        });
    }

    private Optional<String> probeAnswer(DiagnosticQuestion q, String text, Turn turn) {
        AnswerGraded.Verdict v;
        if (YES.matcher(text).matches()) v = AnswerGraded.Verdict.CORRECT;
        else if (NO.matcher(text).matches()) v = AnswerGraded.Verdict.INCORRECT;
        else if (org.tutorgraph.answer.AttemptText.isNonAnswer(org.tutorgraph.answer.AttemptText.clean(text))) v = AnswerGraded.Verdict.NO_ANSWER;
        else return Optional.of(say.text("checkup.yesOrNo"));
        turn.propose(new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, q.question(), null, q.concepts(), text, v, null,
                AnswerGraded.GradedBy.CHECKER, "self-report"));
        return Optional.empty();
    }

    private DiagnosticQuestion question(Question q, DiagnosisProgress d) {
        if (q.item().isPresent()) {
            Item item = q.item().get();
            return new DiagnosticQuestion(q.id(), item.id(), q.concepts(), d.answered() + 1, d.budget(), item.prompt(),
                    item.choices(), "");
        }
        Concept c = course.concept(q.concept());
        String prompt = c.description().isBlank() ? say.text("checkup.selfReport", "concept", c.name())
                : say.text("checkup.selfReport.described", "concept", c.name(), "description", c.description().strip());
        return new DiagnosticQuestion(q.id(), null, q.concepts(), d.answered() + 1, d.budget(), prompt, List.of(), "");
    }

    private void complete(LearnerModel model, Turn turn) {
        DiagnosisSession running = session();
        Map<String, ConceptMastery> result = running.mastery();
        List<String> mastered = new ArrayList<>();
        for (Concept c : course.graph().concepts()) {
            ConceptMastery m = result.get(c.id());
            if (m != null && m.posterior() >= course.threshold()) mastered.add(c.id());
        }
        turn.propose(new DiagnosisCompleted(running.questionsAsked(), running.estimatedAccuracy(), mastered, course.graph().size()));
        for (Concept c : course.graph().concepts()) {
            ConceptMastery m = result.get(c.id());
            if (m == null) continue;
            ConceptState before = model.mastery(c.id()).orElse(new ConceptState(0, 1, 0, 0));
            double p = m.posterior();
            turn.propose(new MasteryUpdated(c.id(), p, before.answers() + m.evidence().answers(), 1 - p,
                    before.correct() + m.evidence().correct(), MasteryUpdated.Cause.DIAGNOSIS));
        }
    }

    /** Earlier posteriors of this course's concepts that rest on answers, as the diagnosis' soft evidence. */
    private Map<String, Double> prior(LearnerModel model) {
        Map<String, Double> p = new LinkedHashMap<>();
        model.mastery().forEach((concept, s) -> {
            if (s.answers() > 0 && course.graph().contains(concept)) p.put(concept, s.posterior());
        });
        return p;
    }

    private long seedFor(LearnerModel model, int diagnosesBefore) {
        String key = "tutorgraph-diagnosis:" + model.learner().value() + ":" + course.id() + ":" + diagnosesBefore;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) seed = (seed << 8) | (h[i] & 0xff);
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- trace -----------------------------------------------------------------------------------------------------

    /** Whether graded practice answers wait for knowledge tracing. */
    public boolean hasUntraced(LearnerModel model) {
        return !model.progress().untraced().isEmpty();
    }

    /**
     * One BKT update per waiting (answer, concept), oldest first: P(known) conditioned on the answer by slip and guess,
     * then the learn/forget transition, with P(known) and P(unknown) kept apart ({@link BktParams#update(double[], boolean)}).
     * A concept never traced before starts at its BKT prior. O(1) each.
     */
    public Next trace(LearnerModel model, Turn turn) {
        for (CourseProgress.Evidence e : model.progress().untraced()) {
            BktParams params = course.bkt(e.concept());
            ConceptState s = model.mastery(e.concept()).orElse(new ConceptState(params.prior(), 1 - params.prior(), 0, 0));
            double[] ku = {s.posterior(), s.pUnknown()};
            params.update(ku, e.correct());
            turn.propose(new MasteryUpdated(e.concept(), clamp(ku[0]), s.answers() + 1, clamp(ku[1]),
                    s.correct() + (e.correct() ? 1 : 0), MasteryUpdated.Cause.PRACTICE));
        }
        return Next.ROUTE_AGAIN;
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiagnosticianAgent[%s, running=%s]", course.id(), started != null);
    }
}
