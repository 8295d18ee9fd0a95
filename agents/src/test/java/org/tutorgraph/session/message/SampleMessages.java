package org.tutorgraph.session.message;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TeacherMove;

import java.util.List;
import java.util.Map;

/** One or more instances of every message type, with awkward values (nulls, unicode, extreme doubles). */
public final class SampleMessages {

    private SampleMessages() {
    }

    public static List<SessionMessage> all() {
        LadderState ladder = new LadderState(2, 1, 1, List.of("19"), List.of("19", "hint"), LadderState.Status.OPEN);
        return List.of(
                new SessionStarted("2025-01-31T10:15:02Z-3f2a", "alice", "algebra", "Middle-school algebra", "0.1",
                        "sha256:abc", "offline"),
                new SessionResumed("2025-01-30T09:00:00Z-0001", "TUTORING", "fractions", "frac-add", 2),
                new SessionResumed("2025-01-30T09:00:00Z-0001", "DIAGNOSING", null, null, 0),
                new StudentTurn(StudentTurn.Kind.TEXT, "I think it's 3/4 — \u00e9t\u00e9 \ud83d\ude00 \"quoted\"\n", false),
                StudentTurn.of(StudentTurn.Kind.HINT, "/hint"),
                new GoalsSet(List.of("slope-intercept-form", "systems"), GoalsSet.Source.CHOSEN),
                new DiagnosisStarted(-7_123_456_789L, 10, 0.95, Map.of("fractions", 0.82, "ratios", 1e-300)),
                new DiagnosticQuestion("frac-add", "frac-add", List.of("fractions"), 1, 10, "What is 1/2 + 1/4?", List.of(), ""),
                new DiagnosticQuestion("probe:ratios", null, List.of("ratios"), 2, 10, "Do you know ratios?", List.of("yes", "no"),
                        "No hints during the check-up."),
                new AnswerGraded(AnswerGraded.Phase.PRACTICE, "frac-add", "frac-add", List.of("fractions", "integer-addition"),
                        "2/6", AnswerGraded.Verdict.INCORRECT, "adds-denominators", AnswerGraded.GradedBy.CHECKER, ""),
                new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, "probe:ratios", null, List.of("ratios"), "idk",
                        AnswerGraded.Verdict.NO_ANSWER, null, AnswerGraded.GradedBy.NONE, "no answer given"),
                new MasteryUpdated("fractions", 0.9999999999999999, 7, 1.2345678901234567e-17, 6, MasteryUpdated.Cause.PRACTICE),
                new MasteryUpdated("ratios", 0.0, 0, 1.0, 0, MasteryUpdated.Cause.DIAGNOSIS),
                new DiagnosisCompleted(8, 0.9531, List.of("integer-addition"), 37),
                new PlanAdopted(PlanAdopted.Reason.FIRST, List.of("slope-intercept-form"),
                        List.of(new PlanStep(1, "fractions", "Fraction operations", "number", 41.25, 0.1, false,
                                        List.of("slope-intercept-form"),
                                        List.of(new PlanStep.Edge("requires", "decimals", List.of()),
                                                new PlanStep.Edge("anyOf", "proportional", List.of("unit-rates")))),
                                new PlanStep(2, "slope-intercept-form", "Slope-intercept form", "linear", 42, 0, true,
                                        List.of("slope-intercept-form"), List.of())),
                        List.of("integer-addition"), List.of(new PlanAdopted.Unreachable("nope", "unknown concept")),
                        83.25, 94.25, 0.95, "Fractions first: everything else builds on them."),
                new TeachStep("fractions", "Fraction operations", "frac-add", List.of("fractions"), "What is 1/2 + 1/4?", List.of(), 1, 3,
                        TeachStep.Reason.NEW_CONCEPT),
                new HintGiven("frac-add", Rung.PROBE, true),
                new TutorReply("frac-add", "Not quite. What do the two fractions need in common?", Rung.ORIENT,
                        TeacherMove.FOCUS, Situation.INCORRECT, false, null, ladder),
                new TutorReply("frac-add", "Right! That's it.", null, TeacherMove.GENERIC, Situation.CORRECT, true, "number",
                        new LadderState(0, 1, 0, List.of(), List.of("3/4"), LadderState.Status.SOLVED)),
                new ConceptSkipped("fractions", "frac-add"),
                new ConceptSkipped("fractions", null),
                new ConceptCompleted("fractions", ConceptCompleted.Outcome.ITEMS_EXHAUSTED, 0.71),
                new PlanFinished(List.of("slope-intercept-form"), List.of()),
                new ModelNotice("tutor", "timeout", "no answer within 30s", "(The tutor's model is slow.)", "authored rung"),
                new SessionEnded(SessionEnded.Reason.END_OF_INPUT, 12));
    }
}
