package org.tutorgraph.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.session.view.Transcript;
import org.tutorgraph.tutor.LadderPolicy;
import org.tutorgraph.tutor.TeacherMove;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded scripted students (right answers, known and random wrong answers, repeats, hints, "I don't know", six kinds of
 * demand for the answer, chat, unreadable and hostile text, skips, goal changes) over the bundled course, checked
 * message by message: nothing the learner sees reveals an item's answer below bottom-out, rungs only rise,
 * bottom-out comes after two genuine attempts, telling only there, every plan and every new concept respects the
 * prerequisites, and a right first answer raises mastery.
 */
class SessionTutoringTest {

    static final LeakGuard GUARD = new LeakGuard();

    @TempDir
    Path dir;

    @Test
    void scriptedStudentsNeverSeeAnAnswerTooEarlyAndTheSessionFollowsThePrerequisites() {
        Stats total = new Stats();
        for (long seed = 1; seed <= 8; seed++) {
            try (LearnerStore store = LearnerStores.open(dir.resolve("t" + seed + ".db").toString())) {
                TutoringSession s = Sessions.open(store, "stu" + seed, "t" + seed);
                Checker checker = new Checker(s.model(), total);
                s.model().listen(checker::beforeShown);
                ScriptedStudent student = new ScriptedStudent(Sessions.PACK, seed, SessionReplayTest.KNOWS, SessionReplayTest.GOALS);
                Orchestrator.Phase phase = s.begin(List.of(SessionReplayTest.GOALS.get((int) (seed % 5))), checker);
                for (int turn = 0; turn < 150; turn++) {
                    phase = Sessions.play(s, student.next(s.model(), phase), checker);
                    if (turn % 5 == 0) checker.checkViews(phase);
                }
                s.end(SessionEnded.Reason.QUIT, checker);
            }
        }
        assertThat(total.repliesBelowBottomOut).isGreaterThan(300);
        assertThat(total.demands).isGreaterThan(50);
        assertThat(total.bottomOuts).isGreaterThan(5);
        assertThat(total.masteryRises).isGreaterThan(20);
        assertThat(total.plans).isGreaterThan(20);
        assertThat(total.diagnoses).isGreaterThanOrEqualTo(8);
        assertThat(total.views).isGreaterThan(100);
    }

    static final class Stats {
        int repliesBelowBottomOut;
        int demands;
        int bottomOuts;
        int masteryRises;
        int plans;
        int diagnoses;
        int views;
    }

    /** Sees every message as the model applies it (prerequisites, mastery) and as the learner sees it (leaks). */
    static final class Checker implements Turn.Display {
        private final LearnerModel model;
        private final Stats stats;
        private final Transcript transcript;
        private final Map<String, Integer> lastHintLevel = new HashMap<>();
        private final Map<String, Integer> lastLevel = new HashMap<>();
        private final CourseGraph graph = Sessions.COURSE.graph();
        private double before;
        private boolean firstCorrect;
        private DiagnosticQuestion asking;
        /** How many items were presented so far: identifies the current presentation (an item may come back later). */
        private int presented;

        Checker(LearnerModel model, Stats stats) {
            this.model = model;
            this.stats = stats;
            this.transcript = new Transcript(Sessions.COURSE, model);
        }

        /** Called after each message is applied, before it is shown. */
        void beforeShown(SessionMessage m, LearnerModel ignored) {
            if (m instanceof PlanAdopted p) checkPlan(p);
            if (m instanceof TeachStep t) {
                checkTeach(t);
                presented++;
            }
            if (m instanceof AnswerGraded a && a.phase() == AnswerGraded.Phase.PRACTICE) {
                OpenItem open = model.progress().open();
                // first action: the model has just marked it scored and queued its evidence
                firstCorrect = a.correct() && open != null && !model.progress().untraced().isEmpty();
                before = open == null ? 0 : model.posterior(open.concept());
            }
            if (m instanceof MasteryUpdated u && u.cause() == MasteryUpdated.Cause.PRACTICE && firstCorrect) {
                OpenItem open = model.progress().open();
                if (open != null && open.concept().equals(u.concept())) {
                    assertThat(u.posterior()).as("a right first answer raises mastery").isGreaterThan(before);
                    stats.masteryRises++;
                    firstCorrect = false;
                }
            }
            if (m instanceof HintGiven || m instanceof TeachStep) firstCorrect = false;
            if (m instanceof DiagnosticQuestion q) asking = q;
        }

        private void checkPlan(PlanAdopted p) {
            stats.plans++;
            List<String> earlier = new ArrayList<>();
            for (PlanStep s : p.steps()) {
                for (String parent : graph.requires(s.concept())) {
                    assertThat(earlier.contains(parent) || model.posterior(parent) >= p.threshold())
                            .as("plan step %s needs %s mastered or earlier", s.concept(), parent).isTrue();
                }
                for (AnyOfGroup g : graph.anyOfGroups(s.concept())) {
                    assertThat(g.alternatives().stream().anyMatch(a -> earlier.contains(a) || model.posterior(a) >= p.threshold()))
                            .as("plan step %s needs an alternative of %s", s.concept(), g.id()).isTrue();
                }
                earlier.add(s.concept());
            }
        }

        private void checkTeach(TeachStep t) {
            var p = model.progress();
            for (String parent : graph.requires(t.concept())) {
                boolean pendingStep = p.plan() != null && p.plan().conceptOrder().contains(parent)
                        && model.posterior(parent) < Sessions.COURSE.threshold() && !p.completed().containsKey(parent);
                assertThat(pendingStep).as("%s taught before its prerequisite %s", t.concept(), parent).isFalse();
            }
        }

        @Override
        public void message(SessionMessage m, boolean streamed) {
            if (m instanceof org.tutorgraph.session.message.DiagnosisCompleted) stats.diagnoses++;
            String shown = transcript.render(m, streamed);
            OpenItem open = model.progress().open();
            if (m instanceof TutorReply r) checkReply(r, shown);
            else if (m instanceof PlanAdopted p && open != null && open.isOpen() && !p.rationale().isEmpty()) {
                // the rest of what the learner reads (figures, names) is computed without the answer; prose is checked
                Item item = Sessions.PACK.item(open.item()).orElseThrow();
                assertThat(GUARD.check(item, open.ladder().level(), p.rationale(), open.ladder().said()).leaked())
                        .as("plan rationale shown while %s is open: %s", item.id(), p.rationale()).isFalse();
            }
            if (m instanceof DiagnosticQuestion q && q.item() != null) {
                // A question shows every choice, the right one included, as it must; what may not happen is that
                // anything marks which one it is (a masked or highlighted choice would be the worst leak of all).
                Item item = Sessions.PACK.item(q.item()).orElseThrow();
                for (String choice : item.choices()) assertThat(shown).contains(choice);
                assertThat(shown).doesNotContain("…");
            }
            if (m instanceof HintGiven h) {
                int previous = lastHintLevel.getOrDefault(h.item() + "@" + presented, 0);
                assertThat(h.rung().level()).as("rungs rise on %s", h.item()).isGreaterThan(previous);
                lastHintLevel.put(h.item() + "@" + presented, h.rung().level());
            }
        }

        /** {@code /plan}, {@code /progress} and {@code /why} while an item is open. */
        void checkViews(Orchestrator.Phase phase) {
            OpenItem open = model.progress().open();
            if (open == null || !open.isOpen()) return;
            Item item = Sessions.PACK.item(open.item()).orElseThrow();
            // /plan and /progress are figures and names computed without the answer; /why quotes prose
            for (String view : List.of(org.tutorgraph.session.view.Views.why(model, Sessions.COURSE, phase))) {
                assertThat(GUARD.check(item, open.ladder().level(), view, open.ladder().said()).leaked()).as(view).isFalse();
                stats.views++;
            }
        }

        private void checkReply(TutorReply r, String shown) {
            Item item = Sessions.PACK.item(r.item()).orElseThrow();
            String key = r.item() + "@" + presented;
            int level = r.ladder().level();
            assertThat(level).as("the ladder never goes down").isGreaterThanOrEqualTo(lastLevel.getOrDefault(key, 0));
            lastLevel.put(key, level);
            if (r.move() == TeacherMove.TELLING) assertThat(r.rung()).isEqualTo(Rung.BOTTOM_OUT);
            if (r.rung() == Rung.BOTTOM_OUT) {
                stats.bottomOuts++;
                assertThat(r.ladder().genuineAttempts()).as("bottom-out after real attempts")
                        .isGreaterThanOrEqualTo(LadderPolicy.DEFAULT.attemptsBeforeBottomOut());
            }
            if (r.situation() == org.tutorgraph.tutor.Situation.DEMAND) stats.demands++;
            if (r.ladder().isOpen()) {
                stats.repliesBelowBottomOut++;
                assertThat(GUARD.check(item, level, shown, r.ladder().said()).leaked())
                        .as("reply on %s at level %d: %s", item.id(), level, shown).isFalse();
                assertThat(GUARD.check(item, level, r.text(), r.ladder().said()).leaked()).isFalse();
            }
        }
    }
}
