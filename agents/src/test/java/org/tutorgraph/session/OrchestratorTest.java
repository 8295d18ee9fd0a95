package org.tutorgraph.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.diagnosis.Diagnostician;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.ConceptParams;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.models.Models;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.LadderPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.session.Orchestrator.Phase.AWAITING_GOALS;
import static org.tutorgraph.session.Orchestrator.Phase.DIAGNOSING;
import static org.tutorgraph.session.Orchestrator.Phase.FINISHED;
import static org.tutorgraph.session.Orchestrator.Phase.PLANNING;
import static org.tutorgraph.session.Orchestrator.Phase.TRACING;
import static org.tutorgraph.session.Orchestrator.Phase.TUTORING;

/** The routing table, state by state, and the order in which a turn's agents act. */
class OrchestratorTest {

    @TempDir
    Path dir;

    @Test
    void routesEachStateToTheAgentThatActsNext() {
        try (LearnerStore store = LearnerStores.open(dir.resolve("r.db").toString())) {
            Sessions.Recorder shown = new Sessions.Recorder();
            TutoringSession s = Sessions.open(store, "cy", "r1");
            assertThat(s.begin(List.of(), shown)).isEqualTo(AWAITING_GOALS);
            assertThat(s.setGoals(List.of("two-step-equations"), GoalsSet.Source.CHOSEN, "2", shown)).isEqualTo(DIAGNOSING);
            assertThat(s.model().progress().diagnosis().pending()).isNotNull();

            Orchestrator.Phase phase = DIAGNOSING;
            while (phase == DIAGNOSING) phase = s.submit(StudentTurn.of(StudentTurn.Kind.TEXT, "idk"), shown);
            assertThat(phase).isEqualTo(TUTORING);
            // the last turn: diagnosis result, then the plan, then the first item
            List<String> order = shown.messages.stream().map(SessionMessage::typeName)
                    .dropWhile(t -> !t.equals("DiagnosisCompleted")).distinct().toList();
            assertThat(order).containsSubsequence("DiagnosisCompleted", "MasteryUpdated", "PlanAdopted", "TeachStep");

            OpenItem open = s.model().progress().open();
            assertThat(open).isNotNull();
            // evidence waiting for tracing goes to the Diagnostician first
            s.model().apply(new AnswerGraded(AnswerGraded.Phase.PRACTICE, open.item(), open.item(), open.assesses(), "1",
                    AnswerGraded.Verdict.INCORRECT, null, AnswerGraded.GradedBy.CHECKER, ""));
            assertThat(s.phase()).isEqualTo(TRACING);
            for (String c : open.assesses()) {
                s.model().apply(new MasteryUpdated(c, 0.2, 1, 0.8, 0, MasteryUpdated.Cause.PRACTICE));
            }
            assertThat(s.phase()).isEqualTo(TUTORING);
            // a plan step that becomes mastered invalidates the plan: the Planner acts
            String step = s.model().progress().plan().steps().get(0).concept();
            s.model().apply(new MasteryUpdated(step, 0.99, 3, 0.01, 3, MasteryUpdated.Cause.PRACTICE));
            assertThat(s.phase()).isEqualTo(PLANNING);
            s.close();
        }
    }

    @Test
    void aDiagnosisMadeOnOtherCourseContentIsStale() {
        try (LearnerStore store = LearnerStores.open(dir.resolve("s.db").toString())) {
            TutoringSession s = Sessions.open(store, "dee", "s1");
            s.begin(List.of("ratios"), null);
            Orchestrator.Phase phase = DIAGNOSING;
            while (phase == DIAGNOSING) phase = s.submit(StudentTurn.of(StudentTurn.Kind.TEXT, "idk"), null);
            assertThat(phase).isEqualTo(TUTORING);
            s.close();
            // the same pack with other BKT parameters is other content: its fingerprint differs
            ConceptParams other = new ConceptParams(Map.of("ratios", BktParams.of(0.5, 0.2, 0.1, 0.2)), BktParams.DEFAULT);
            CourseContext edited = new CourseContext(Sessions.PACK, new Diagnostician(Sessions.COURSE.diagnostician().settings(), other),
                    PlanConfig.DEFAULT);
            assertThat(edited.fingerprint()).isNotEqualTo(Sessions.COURSE.fingerprint());
            TutoringSession again = TutoringSession.open(store, LearnerId.of("dee"), edited, Models.offline(), LadderPolicy.DEFAULT, "s2");
            Sessions.Recorder shown = new Sessions.Recorder();
            again.begin(List.of(), shown);
            // a new diagnosis (its prior: the earlier answers, so it may need few questions or none), then a new plan
            assertThat(shown.messages.stream().map(SessionMessage::typeName).toList())
                    .containsSubsequence("SessionStarted", "SessionResumed", "DiagnosisStarted");
            assertThat(again.model().progress().diagnosis().fingerprint()).isEqualTo(edited.fingerprint());
            again.close();
        }
    }

    @Test
    void aFinishedPlanRoutesToFinishedAndNewGoalsStartOver() {
        try (LearnerStore store = LearnerStores.open(dir.resolve("f.db").toString())) {
            TutoringSession s = Sessions.open(store, "eve", "f1");
            s.begin(List.of("integer-addition"), null);
            Orchestrator.Phase phase = DIAGNOSING;
            for (int i = 0; i < 40 && phase != FINISHED; i++) {
                var p = s.model().progress();
                String answer = p.open() != null ? Sessions.PACK.item(p.open().item()).orElseThrow().primaryAnswer() : "idk";
                phase = s.submit(StudentTurn.of(StudentTurn.Kind.TEXT, answer), null);
            }
            assertThat(phase).isEqualTo(FINISHED);
            assertThat(s.model().progress().practised("integer-addition")).isNotEmpty();
            // new goals start a new round: the concept not mastered yet comes back, its items with it
            assertThat(s.setGoals(List.of("integer-subtraction"), GoalsSet.Source.CHANGED, "integer-subtraction", null)).isEqualTo(TUTORING);
            assertThat(s.model().progress().plan().goals()).containsExactly("integer-subtraction");
            if (s.model().posterior("integer-addition") < Sessions.COURSE.threshold()) {
                assertThat(s.model().progress().open().concept()).isEqualTo("integer-addition");
            }
            s.close();
        }
    }
}
