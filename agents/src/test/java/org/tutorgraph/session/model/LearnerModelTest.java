package org.tutorgraph.session.model;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Rung;
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
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.message.SampleMessages;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TeacherMove;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learner model's rules, one message at a time, and replay from stored events. */
class LearnerModelTest {

    static final LearnerId ADA = LearnerId.of("ada");

    static LearnerModel started(String course) {
        LearnerModel m = new LearnerModel(ADA);
        m.apply(new SessionStarted("s1", "ada", course, course, "1", "fp", "offline"));
        return m;
    }

    static TeachStep teach(String concept, String item, List<String> assesses) {
        return new TeachStep(concept, concept, item, assesses, "What is 2 + 3?", List.of(), 1, 3, TeachStep.Reason.NEW_CONCEPT);
    }

    static AnswerGraded practice(String item, List<String> concepts, AnswerGraded.Verdict v) {
        return new AnswerGraded(AnswerGraded.Phase.PRACTICE, item, item, concepts, "x", v, null, AnswerGraded.GradedBy.CHECKER, "");
    }

    static PlanAdopted plan(String... concepts) {
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < concepts.length; i++) {
            steps.add(new PlanStep(i + 1, concepts[i], concepts[i], "", 10, 0.1, i == concepts.length - 1, List.of(concepts[concepts.length - 1]), List.of()));
        }
        return new PlanAdopted(PlanAdopted.Reason.FIRST, List.of(concepts[concepts.length - 1]), steps, List.of(), List.of(), 10, 10, 0.95, "");
    }

    @Test
    void nothingHappensBeforeASessionStarts() {
        assertThatThrownBy(() -> new LearnerModel(ADA).apply(new GoalsSet(List.of("a"), GoalsSet.Source.FLAG)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyMessageTypeHasARule() {
        LearnerModel m = started("algebra");
        for (SessionMessage msg : SampleMessages.all()) m.apply(msg);
        assertThat(m.applied()).isEqualTo(SampleMessages.all().size() + 1);
    }

    @Test
    void theFirstActionOnAnItemIsTheOnlyEvidence() {
        LearnerModel m = started("c");
        m.apply(teach("add", "i1", List.of("add", "numbers")));
        m.apply(practice("i1", List.of("add", "numbers"), AnswerGraded.Verdict.INCORRECT));
        assertThat(m.progress().untraced()).containsExactly(new CourseProgress.Evidence("add", false),
                new CourseProgress.Evidence("numbers", false));
        m.apply(new MasteryUpdated("add", 0.2, 1, 0.8, 0, MasteryUpdated.Cause.PRACTICE));
        m.apply(new MasteryUpdated("numbers", 0.3, 1, 0.7, 0, MasteryUpdated.Cause.PRACTICE));
        assertThat(m.progress().untraced()).isEmpty();
        // a later right answer on the same item teaches, but is not evidence of what the learner knew
        m.apply(practice("i1", List.of("add", "numbers"), AnswerGraded.Verdict.CORRECT));
        assertThat(m.progress().untraced()).isEmpty();
        assertThat(m.mastery("add")).contains(new ConceptState(0.2, 0.8, 1, 0));
    }

    @Test
    void askingForHelpFirstCountsAsAWrongFirstAttempt() {
        LearnerModel m = started("c");
        m.apply(teach("add", "i1", List.of("add")));
        m.apply(new HintGiven("i1", Rung.ORIENT, true));
        assertThat(m.progress().untraced()).containsExactly(new CourseProgress.Evidence("add", false));
        m.apply(new MasteryUpdated("add", 0.1, 1, 0.9, 0, MasteryUpdated.Cause.PRACTICE));
        m.apply(new HintGiven("i1", Rung.PROBE, true));
        assertThat(m.progress().untraced()).isEmpty();
        // a hint raised by a wrong answer is not a request: the wrong answer was the evidence
        m.apply(teach("add", "i2", List.of("add")));
        m.apply(new HintGiven("i2", Rung.ORIENT, false));
        assertThat(m.progress().untraced()).isEmpty();
    }

    @Test
    void unreadableOrAmbiguousAnswersAreNotEvidence() {
        LearnerModel m = started("c");
        m.apply(teach("add", "i1", List.of("add")));
        m.apply(practice("i1", List.of("add"), AnswerGraded.Verdict.UNREADABLE));
        m.apply(practice("i1", List.of("add"), AnswerGraded.Verdict.AMBIGUOUS));
        m.apply(practice("i1", List.of("add"), AnswerGraded.Verdict.NO_ANSWER));
        assertThat(m.progress().untraced()).isEmpty();
        assertThat(m.progress().open().scored()).isFalse();
    }

    @Test
    void diagnosisProgressFollowsQuestionsAndAnswers() {
        LearnerModel m = started("c");
        m.apply(new DiagnosisStarted(42, 5, 0.95, Map.of()));
        DiagnosticQuestion q = new DiagnosticQuestion("i1", "i1", List.of("add"), 1, 5, "2 + 3?", List.of(), "");
        m.apply(q);
        assertThat(m.progress().diagnosis().pending()).isEqualTo(q);
        m.apply(new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, "i1", "i1", List.of("add"), "banana",
                AnswerGraded.Verdict.UNREADABLE, null, AnswerGraded.GradedBy.NONE, ""));
        assertThat(m.progress().diagnosis().pending()).as("asked again").isEqualTo(q);
        m.apply(new AnswerGraded(AnswerGraded.Phase.DIAGNOSIS, "i1", "i1", List.of("add"), "idk",
                AnswerGraded.Verdict.NO_ANSWER, null, AnswerGraded.GradedBy.CHECKER, ""));
        assertThat(m.progress().diagnosis().pending()).isNull();
        assertThat(m.progress().diagnosis().answered()).isEqualTo(1);
        assertThat(m.progress().diagnosed()).containsExactly("i1");
        m.apply(new DiagnosisCompleted(1, 0.96, List.of(), 3));
        assertThat(m.progress().diagnosis().status()).isEqualTo(DiagnosisProgress.Status.DONE);
        assertThat(m.progress().diagnosis().staleFor("fp")).isFalse();
        assertThat(m.progress().diagnosis().staleFor("other")).isTrue();
        assertThat(m.progress().diagnosis().seed()).isEqualTo(42);
    }

    @Test
    void newGoalsStartANewRound() {
        LearnerModel m = started("c");
        m.apply(new GoalsSet(List.of("b"), GoalsSet.Source.CHOSEN));
        m.apply(plan("a", "b"));
        m.apply(teach("a", "i1", List.of("a")));
        m.apply(new ConceptSkipped("a", "i1"));
        m.apply(new ConceptCompleted("b", ConceptCompleted.Outcome.ITEMS_EXHAUSTED, 0.5));
        assertThat(m.progress().skipped()).containsExactly("a");
        assertThat(m.progress().open()).isNull();
        m.apply(new GoalsSet(List.of("c"), GoalsSet.Source.CHANGED));
        CourseProgress p = m.progress();
        assertThat(p.goals()).containsExactly("c");
        assertThat(p.plan()).isNull();
        assertThat(p.skipped()).isEmpty();
        assertThat(p.completed()).isEmpty();
        assertThat(p.practised()).isEmpty();
        assertThat(p.seen()).containsExactly("i1");
    }

    @Test
    void theLadderAndTheDialogueFollowTheReplies() {
        LearnerModel m = started("c");
        m.apply(teach("a", "i1", List.of("a")));
        m.apply(StudentTurn.of(StudentTurn.Kind.TEXT, "7"));
        LadderState after = new LadderState(1, 1, 0, List.of("7"), List.of("7"), LadderState.Status.OPEN);
        m.apply(new TutorReply("i1", "Not quite. What do you add?", Rung.ORIENT, TeacherMove.FOCUS, Situation.INCORRECT, false, null, after));
        m.apply(StudentTurn.of(StudentTurn.Kind.HINT, "/hint"));
        OpenItem open = m.progress().open();
        assertThat(open.ladder()).isEqualTo(after);
        assertThat(open.dialogue()).containsExactly("Student: 7", "Tutor: Not quite. What do you add?", "Student: (asks for a hint)");
        // a reply about another item does not touch the open one
        m.apply(new TutorReply("other", "x", null, TeacherMove.GENERIC, Situation.CHAT, false, null, LadderState.start()));
        assertThat(m.progress().open().ladder()).isEqualTo(after);
        for (int i = 0; i < 10; i++) m.apply(StudentTurn.of(StudentTurn.Kind.TEXT, "line " + i));
        assertThat(m.progress().open().dialogue()).hasSize(LearnerModel.DIALOGUE_LINES).last().isEqualTo("Student: line 9");
    }

    @Test
    void masteryIsTheLearnersAcrossCoursesAndProgressIsPerCourse() {
        LearnerModel m = started("one");
        m.apply(new GoalsSet(List.of("x"), GoalsSet.Source.FLAG));
        m.apply(new MasteryUpdated("shared", 0.7, 2, 0.3, 1, MasteryUpdated.Cause.DIAGNOSIS));
        m.apply(new SessionStarted("s2", "ada", "two", "two", "1", "fp2", "offline"));
        assertThat(m.progress().goals()).isEmpty();
        assertThat(m.posterior("shared")).isEqualTo(0.7);
        assertThat(m.progress("one").goals()).containsExactly("x");
        assertThat(m.hasHistoryOn("one")).isTrue();
        assertThat(m.hasHistoryOn("two")).isFalse();
        m.apply(new SessionStarted("s3", "ada", "one", "one", "1", "fp", "offline"));
        assertThat(m.hasHistoryOn("one")).isTrue();
        assertThat(m.previousSession()).isEqualTo("s1");
    }

    @Test
    void replayOfStoredEventsEqualsApplyingTheMessages() {
        LearnerModel live = new LearnerModel(ADA);
        List<StoredEvent> log = new ArrayList<>();
        List<SessionMessage> messages = new ArrayList<>();
        messages.add(new SessionStarted("s1", "ada", "c", "c", "1", "fp", "offline"));
        messages.addAll(SampleMessages.all());
        long seq = 0;
        for (SessionMessage msg : messages) {
            live.apply(msg);
            var e = MessageCodec.toEvent(msg);
            log.add(new StoredEvent(ADA, ++seq, "s1", e.type(), e.payload(), Instant.EPOCH));
        }
        log.add(new StoredEvent(ADA, ++seq, "s1", "SomethingNewer", "{}", Instant.EPOCH));
        log.add(new StoredEvent(ADA, ++seq, "s1", "MasteryUpdated", "{\"concept\":\"x\"}", Instant.EPOCH));
        List<String> seen = new ArrayList<>();
        LearnerModel replayed = LearnerModel.replay(ADA, log, List.of((msg, model) -> seen.add(msg.typeName())));
        assertThat(replayed.snapshot()).isEqualTo(live.snapshot());
        assertThat(seen).hasSize(messages.size());
        assertThat(replayed.problems()).singleElement().asString().contains("event " + seq).contains("MasteryUpdated");
    }
}
