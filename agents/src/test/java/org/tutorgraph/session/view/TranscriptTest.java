package org.tutorgraph.session.view;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.SampleMessages;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.model.LearnerModel;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    static CourseContext course() throws IOException, LogFormatException {
        return CourseContext.of(BundledCourse.load());
    }

    @Test
    void everyMessageRendersForTheLearnerAndAsOneTraceLine() throws Exception {
        CourseContext course = course();
        LearnerModel model = new LearnerModel(LearnerId.of("ada"));
        model.apply(new SessionStarted("s", "ada", "algebra", "t", "1", course.fingerprint(), "offline"));
        Transcript t = new Transcript(course, model);
        for (SessionMessage m : SampleMessages.all()) {
            model.apply(m);
            String shown = t.render(m, false);
            assertThat(shown.isEmpty() || shown.endsWith("\n")).isTrue();
            String line = TraceLine.summary(m);
            assertThat(line).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void aStreamedReplyIsNotShownTwice() throws Exception {
        CourseContext course = course();
        LearnerModel model = new LearnerModel(LearnerId.of("ada"));
        Transcript t = new Transcript(course, model);
        SessionMessage reply = SampleMessages.all().stream().filter(m -> m.typeName().equals("TutorReply")).findFirst().orElseThrow();
        assertThat(t.render(reply, true)).isEmpty();
        assertThat(t.render(reply, false)).startsWith("Not quite.");
    }

    @Test
    void theShieldMasksWhatWouldRevealTheAnswerAndKeepsTheRest() {
        Item item = new Item("i", "What is 3 + 8?", AnswerType.NUMBER, List.of("11"), List.of(), 0, List.of("c"), List.of(), List.of());
        assertThat(Shield.mask("(Adding: mastery 10% -> 11%)", item, 1, List.of())).isEqualTo("(Adding: mastery 10% -> …)");
        assertThat(Shield.mask("step 2 of 5, 25 min", item, 1, List.of())).isEqualTo("step 2 of 5, 25 min");
        assertThat(Shield.mask("eleven minutes left", item, 0, List.of())).doesNotContain("eleven");
        assertThat(Shield.mask("the answer is 11", item, 4, List.of())).as("nothing is secret at bottom-out").contains("11");
    }

    @Test
    void aPlanShownBeforeAnyQuestionHidesTheAnswersOfItsFirstStepsItems() throws Exception {
        CourseContext course = course();
        LearnerModel model = new LearnerModel(LearnerId.of("ada"));
        PlanAdopted sample = (PlanAdopted) SampleMessages.all().stream().filter(m -> m instanceof PlanAdopted).findFirst().orElseThrow();
        Item next = course.pack().itemsFor(sample.steps().get(0).concept()).get(0);
        String answer = next.answers().get(0);
        PlanAdopted plan = new PlanAdopted(sample.reason(), sample.goals(), sample.steps(), sample.masteredGoals(), sample.unreachable(),
                sample.learningMinutes(), sample.totalMinutes(), sample.threshold(), "Start here, and remember the answer is " + answer + ".");
        String shown = new Transcript(course, model).render(plan, false);
        assertThat(shown).contains("Start here").doesNotContain("the answer is " + answer);
    }

    @Test
    void quotesAreCutAndEscapedInTraceLines() {
        assertThat(TraceLine.quote("a\"b\nc")).isEqualTo("\"a\\\"b\\nc\"");
        assertThat(TraceLine.quote("x".repeat(200))).hasSizeLessThan(100).endsWith("…\"");
    }
}
