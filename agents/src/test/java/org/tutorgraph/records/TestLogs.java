package org.tutorgraph.records;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.records.bench.StoreBench;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.SessionMessage;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TeacherMove;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Learner logs for the export tests: written by hand, message by message, or by simulated learners' sessions. */
public final class TestLogs {

    private TestLogs() {
    }

    /** A log being written by hand: each message is an event at the time given. */
    public static final class Builder {
        private final LearnerId learner;
        private final List<StoredEvent> events = new ArrayList<>();
        private String session = "s1";

        public Builder(String learner) {
            this.learner = LearnerId.of(learner);
        }

        public Builder session(String id) {
            this.session = id;
            return this;
        }

        /** Adds {@code message} at {@code second} seconds after 2025-01-31T10:00:00Z. */
        public Builder at(int second, SessionMessage message) {
            var e = MessageCodec.toEvent(message);
            events.add(new StoredEvent(learner, events.size() + 1, session, e.type(), e.payload(),
                    Instant.parse("2025-01-31T10:00:00Z").plusSeconds(second)));
            return this;
        }

        public LearnerLog build() {
            return LearnerLog.of(learner, Instant.parse("2025-01-31T09:00:00Z"), events);
        }
    }

    private static AnswerGraded diagnosis(String item, String concept, String attempt, AnswerGraded.Verdict v) {
        return new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, item, item, List.of(concept), attempt, v, null,
                AnswerGraded.GradedBy.CHECKER, "");
    }

    private static AnswerGraded practice(String item, List<String> concepts, String attempt, AnswerGraded.Verdict v) {
        return new AnswerGraded(AnswerGraded.Phase.PRACTICE, item, item, concepts, attempt, v,
                v == AnswerGraded.Verdict.INCORRECT ? "sign-error" : null, AnswerGraded.GradedBy.CHECKER, "");
    }

    private static TutorReply reply(String item, Rung rung, Situation situation, LadderState ladder) {
        return new TutorReply(item, "words", rung, rung == null ? TeacherMove.GENERIC : TeacherMove.of(rung), situation,
                false, null, ladder);
    }

    private static LadderState ladder(int level, int attempts, int hints, LadderState.Status status) {
        return new LadderState(level, attempts, hints, List.of(), List.of(), status);
    }

    private static StudentTurn says(String text) {
        return StudentTurn.of(StudentTurn.Kind.TEXT, text);
    }

    /**
     * Ada's two sessions on course {@code algebra} (concepts a, b, c), by hand, with times in seconds:
     * <pre>
     *   s1  0 diagnosis asks i1 (a)        10 "2" right                  10 asks i5 (b)   20 "zz" unreadable
     *      30 "idk" (no answer)            30 diagnosis done, mastery a .97 b .2 c .1, plan b → c, teaches i2 (b, c)
     *      40 /hint: orient rung, b .15 c .08                            50 "3" wrong (sign-error): probe rung shown
     *      60 "2" right, teaches i3 (b)    70 "3" right: b .96, b mastered, teaches i4 (c)
     *      80 /skip c, plan finished       90 ends (quit)
     *   s2 100 starts, resumed             110 ends (end of input)
     * </pre>
     */
    public static LearnerLog handLog() {
        List<String> bc = List.of("b", "c");
        return new Builder("ada")
                .at(0, new SessionStarted("s1", "ada", "algebra", "Algebra", "1", "fp", "offline"))
                .at(0, new DiagnosticQuestion("i1", "i1", List.of("a"), 1, 3, "What is 1 + 1?", List.of(), ""))
                .at(10, says("2"))
                .at(10, diagnosis("i1", "a", "2", AnswerGraded.Verdict.CORRECT))
                .at(10, new DiagnosticQuestion("i5", "i5", List.of("b"), 2, 3, "Pick one", List.of("x", "y"), ""))
                .at(20, says("zz"))
                .at(20, diagnosis("i5", "b", "zz", AnswerGraded.Verdict.UNREADABLE))
                .at(30, says("idk"))
                .at(30, diagnosis("i5", "b", "idk", AnswerGraded.Verdict.NO_ANSWER))
                .at(30, new DiagnosisCompleted(2, 0.8, List.of("a"), 3))
                .at(30, new MasteryUpdated("a", 0.97, 1, 0.03, 1, MasteryUpdated.Cause.DIAGNOSIS))
                .at(30, new MasteryUpdated("b", 0.2, 1, 0.8, 0, MasteryUpdated.Cause.DIAGNOSIS))
                .at(30, new MasteryUpdated("c", 0.1, 0, 0.9, 0, MasteryUpdated.Cause.DIAGNOSIS))
                .at(30, new PlanAdopted(PlanAdopted.Reason.FIRST, List.of("c"),
                        List.of(new PlanStep(1, "b", "Bee", "", 10, 0.2, false, List.of("c"), List.of()),
                                new PlanStep(2, "c", "Cee", "", 12, 0.1, true, List.of("c"), List.of())),
                        List.of(), List.of(), 22, 22, 0.95, ""))
                .at(30, new TeachStep("b", "Bee", "i2", bc, "Solve 2x = 4.", List.of(), 1, 2, TeachStep.Reason.NEW_CONCEPT))
                .at(40, StudentTurn.of(StudentTurn.Kind.HINT, "/hint"))
                .at(40, new HintGiven("i2", Rung.ORIENT, true))
                .at(40, new MasteryUpdated("b", 0.15, 2, 0.85, 0, MasteryUpdated.Cause.PRACTICE))
                .at(40, new MasteryUpdated("c", 0.08, 1, 0.92, 0, MasteryUpdated.Cause.PRACTICE))
                .at(40, reply("i2", Rung.ORIENT, Situation.HINT_REQUESTED, ladder(1, 0, 1, LadderState.Status.OPEN)))
                .at(50, says("3"))
                .at(50, practice("i2", bc, "3", AnswerGraded.Verdict.INCORRECT))
                .at(50, new HintGiven("i2", Rung.PROBE, false))
                .at(50, reply("i2", Rung.PROBE, Situation.MISCONCEPTION, ladder(2, 1, 1, LadderState.Status.OPEN)))
                .at(60, says("2"))
                .at(60, practice("i2", bc, "2", AnswerGraded.Verdict.CORRECT))
                .at(60, reply("i2", null, Situation.CORRECT, ladder(2, 2, 1, LadderState.Status.SOLVED)))
                .at(60, new TeachStep("b", "Bee", "i3", List.of("b"), "Solve 3x = 9.", List.of(), 2, 2, TeachStep.Reason.NEXT_ITEM))
                .at(70, says("3"))
                .at(70, practice("i3", List.of("b"), "3", AnswerGraded.Verdict.CORRECT))
                .at(70, new MasteryUpdated("b", 0.96, 3, 0.04, 1, MasteryUpdated.Cause.PRACTICE))
                .at(70, reply("i3", null, Situation.CORRECT, ladder(0, 1, 0, LadderState.Status.SOLVED)))
                .at(70, new ConceptCompleted("b", ConceptCompleted.Outcome.MASTERED, 0.96))
                .at(70, new TeachStep("c", "Cee", "i4", List.of("c"), "Which is it?", List.of("one", "two"), 1, 1,
                        TeachStep.Reason.NEW_CONCEPT))
                .at(80, StudentTurn.of(StudentTurn.Kind.SKIP, "/skip"))
                .at(80, new ConceptSkipped("c", "i4"))
                .at(80, new PlanFinished(List.of(), List.of("c")))
                .at(90, new SessionEnded(SessionEnded.Reason.QUIT, 6))
                .session("s2")
                .at(100, new SessionStarted("s2", "ada", "algebra", "Algebra", "1", "fp", "offline"))
                .at(100, new SessionResumed("s1", "FINISHED", null, null, 0))
                .at(110, new SessionEnded(SessionEnded.Reason.END_OF_INPUT, 0))
                .build();
    }

    /**
     * Simulated learners' sessions on the bundled course, kept in {@code store}: full turns through the real
     * session (diagnosis, plan, practice, hints, skips, resumed sessions).
     */
    public static List<LearnerId> simulate(LearnerStore store, int learners, int turns, long seed) throws Exception {
        StoreBench bench = new StoreBench(store, CourseContext.of(BundledCourse.load()),
                new StoreBench.Settings(learners, turns, 1, Math.max(1, turns / 2), seed));
        StoreBench.Result r = bench.run(line -> { });
        if (!r.clean()) throw new AssertionError("simulation failed: " + r);
        return bench.learnerIds();
    }
}
