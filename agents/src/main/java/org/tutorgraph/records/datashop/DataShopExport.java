package org.tutorgraph.records.datashop;

import org.tutorgraph.records.LearnerLog;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.tutor.Situation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner's log as DataShop steps ({@link Step}), with the same notion of evidence as the tutor's own knowledge
 * tracing (Cognitive Tutor's): the <b>first action</b> on an item decides {@code Correct First Attempt} — a definite
 * answer counts right or wrong, a hint request first counts as wrong; answers that are not evidence (ambiguous,
 * unreadable) are not transactions. Fitting BKT on the export therefore sees what the tutor's tracing saw.
 *
 * <ul>
 *   <li>A practice step opens with {@code TeachStep} and collects the answers and hint requests on its item until the
 *       next item is shown or the concept is skipped (a resumed session continues the open step). A step the learner
 *       never acted on has no row.</li>
 *   <li>A diagnosis question is a step of its own: shown by {@code DiagnosticQuestion}, answered once as evidence
 *       ("I don't know" counts as a wrong answer there, as in the diagnosis itself); no hints.</li>
 * </ul>
 * O(n) in the length of the log.
 */
public final class DataShopExport {

    private DataShopExport() {
    }

    /** The learner's steps, in the order they were opened. */
    public static List<Step> steps(LearnerLog log) {
        return new Walk(log).run();
    }

    private static final class Open {
        final String hierarchy;
        final String problem;
        final int view;
        final List<String> kcs;
        final Instant start;
        Instant first;
        Instant correctAt;
        Instant last;
        Boolean firstCorrect;
        int incorrects;
        int corrects;
        int hints;

        Open(String hierarchy, String problem, int view, List<String> kcs, Instant start) {
            this.hierarchy = hierarchy;
            this.problem = problem;
            this.view = view;
            this.kcs = kcs;
            this.start = start;
        }

        void act(Instant at, boolean answer, boolean correct) {
            if (first == null) {
                first = at;
                firstCorrect = answer && correct;
            }
            last = at;
            if (answer && correct && correctAt == null) correctAt = at;
        }
    }

    private static final class Walk {
        private final LearnerLog log;
        private final List<Step> out = new ArrayList<>();
        private final Map<String, Integer> views = new HashMap<>();
        private final Map<String, Integer> opportunities = new HashMap<>();
        private String course = "";
        private Open practice;
        private String practiceItem;
        private DiagnosticQuestion asked;
        private Instant askedAt;

        Walk(LearnerLog log) {
            this.log = log;
        }

        List<Step> run() {
            for (LearnerLog.Entry e : log.entries()) {
                SessionMessage m = e.message();
                if (m instanceof SessionStarted s) {
                    if (!s.course().equals(course)) close();
                    course = s.course();
                } else if (m instanceof DiagnosticQuestion q) {
                    asked = q;
                    askedAt = e.at();
                } else if (m instanceof TeachStep t) {
                    close();
                    String key = course + "\u0000" + t.item();
                    int view = views.merge(key, 1, Integer::sum);
                    practice = new Open("Course " + course + ", Concept " + t.concept(), t.item(), view, t.assesses(), e.at());
                    practiceItem = t.item();
                } else if (m instanceof AnswerGraded a) {
                    answered(e, a);
                } else if (m instanceof HintGiven h) {
                    if (h.requested() && practice != null && h.item().equals(practiceItem) && practice.first == null) {
                        practice.act(e.at(), false, false);
                    }
                } else if (m instanceof TutorReply r) {
                    if (practice != null && r.item().equals(practiceItem)) {
                        practice.hints = Math.max(practice.hints, r.ladder().hintRequests());
                        boolean request = r.situation() == Situation.HINT_REQUESTED || r.situation() == Situation.HINT_HELD
                                || r.situation() == Situation.NO_ANSWER;
                        if (request && practice.first != null) practice.last = later(practice.last, e.at());
                    }
                } else if (m instanceof ConceptSkipped s) {
                    if (practice != null && s.item() != null && s.item().equals(practiceItem)) close();
                }
            }
            close();
            return out;
        }

        private void answered(LearnerLog.Entry e, AnswerGraded a) {
            if (a.phase() == AnswerGraded.Phase.DIAGNOSIS) {
                if (!a.isEvidence()) return;
                Instant shown = asked != null && asked.question().equals(a.question()) ? askedAt : e.at();
                String problem = a.item() != null ? a.item() : a.question();
                Open d = new Open("Course " + course + ", Diagnosis", problem, 1, a.concepts(), shown);
                d.act(e.at(), true, a.correct());
                if (a.correct()) d.corrects++;
                else d.incorrects++;
                emit(d);
                asked = null;
                return;
            }
            if (practice == null || a.item() == null || !a.item().equals(practiceItem)) return;
            if (a.verdict() != AnswerGraded.Verdict.CORRECT && a.verdict() != AnswerGraded.Verdict.INCORRECT) return;
            practice.act(e.at(), true, a.correct());
            if (a.correct()) practice.corrects++;
            else practice.incorrects++;
        }

        private void close() {
            if (practice != null && practice.first != null) emit(practice);
            practice = null;
            practiceItem = null;
        }

        private void emit(Open o) {
            List<Integer> opp = new ArrayList<>(o.kcs.size());
            for (String kc : o.kcs) opp.add(opportunities.merge(kc, 1, Integer::sum));
            Instant end = o.last == null ? o.first : o.last;
            out.add(new Step(log.learner().value(), o.hierarchy, o.problem, o.view, o.problem, o.start, o.first,
                    o.correctAt, end, Boolean.TRUE.equals(o.firstCorrect), o.incorrects, o.hints, o.corrects, o.kcs, opp));
        }

        private static Instant later(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }
}
