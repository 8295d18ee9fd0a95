package org.tutorgraph.records.datashop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.kt.DataShopReader;
import org.tutorgraph.kt.EmFitter;
import org.tutorgraph.kt.FitOptions;
import org.tutorgraph.kt.FitResult;
import org.tutorgraph.kt.ResponseLog;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.records.LearnerLog;
import org.tutorgraph.records.TestLogs;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataShopExportTest {

    /** The header of Cognitive Tutor's step rollup ({@code ct.csv} without its unnamed index column). */
    private static final String CT_HEADER = "Row,Anon Student Id,Problem Hierarchy,Problem Name,Problem View,Step Name,"
            + "Step Start Time,First Transaction Time,Correct Transaction Time,Step End Time,Step Duration (sec),"
            + "Correct Step Duration (sec),Error Step Duration (sec),Correct First Attempt,Incorrects,Hints,Corrects,"
            + "KC(Default),Opportunity(Default)";

    @TempDir
    Path tmp;

    @Test
    void oneStepPerItemAttemptWithTheFirstActionAsEvidence() throws Exception {
        List<Step> steps = DataShopExport.steps(TestLogs.handLog());
        StringWriter out = new StringWriter();
        DataShopWriter w = new DataShopWriter(out);
        for (Step s : steps) w.write(s);
        assertThat(out.toString()).isEqualTo(String.join("\n",
                CT_HEADER.replace(',', '\t'),
                "1\tada\tCourse algebra, Diagnosis\ti1\t1\ti1\t2025-01-31 10:00:00.000\t2025-01-31 10:00:10.000\t2025-01-31 10:00:10.000\t2025-01-31 10:00:10.000\t10\t10\t\t1\t0\t0\t1\ta\t1",
                "2\tada\tCourse algebra, Diagnosis\ti5\t1\ti5\t2025-01-31 10:00:10.000\t2025-01-31 10:00:30.000\t\t2025-01-31 10:00:30.000\t20\t\t20\t0\t1\t0\t0\tb\t1",
                "3\tada\tCourse algebra, Concept b\ti2\t1\ti2\t2025-01-31 10:00:30.000\t2025-01-31 10:00:40.000\t2025-01-31 10:01:00.000\t2025-01-31 10:01:00.000\t30\t\t30\t0\t1\t1\t1\tb~~c\t2~~1",
                "4\tada\tCourse algebra, Concept b\ti3\t1\ti3\t2025-01-31 10:01:00.000\t2025-01-31 10:01:10.000\t2025-01-31 10:01:10.000\t2025-01-31 10:01:10.000\t10\t10\t\t1\t0\t0\t1\tb\t3",
                ""));
        assertThat(w.rows()).isEqualTo(4);
    }

    @Test
    void theSecondViewOfAProblemIsCounted() {
        var log = new TestLogs.Builder("bo")
                .at(0, new org.tutorgraph.session.message.SessionStarted("s1", "bo", "c1", "C", "1", "fp", "offline"))
                .at(0, new org.tutorgraph.session.message.TeachStep("k", "K", "q", List.of("k"), "?", List.of(), 1, 1,
                        org.tutorgraph.session.message.TeachStep.Reason.NEW_CONCEPT))
                .at(5, new org.tutorgraph.session.message.AnswerGraded(org.tutorgraph.session.message.AnswerGraded.Phase.PRACTICE,
                        "q", "q", List.of("k"), "1", org.tutorgraph.session.message.AnswerGraded.Verdict.INCORRECT, null,
                        org.tutorgraph.session.message.AnswerGraded.GradedBy.CHECKER, ""))
                .at(9, new org.tutorgraph.session.message.TeachStep("k", "K", "q", List.of("k"), "?", List.of(), 2, 1,
                        org.tutorgraph.session.message.TeachStep.Reason.RETURN_TO_SKIPPED))
                .at(12, new org.tutorgraph.session.message.AnswerGraded(org.tutorgraph.session.message.AnswerGraded.Phase.PRACTICE,
                        "q", "q", List.of("k"), "2", org.tutorgraph.session.message.AnswerGraded.Verdict.CORRECT, null,
                        org.tutorgraph.session.message.AnswerGraded.GradedBy.CHECKER, ""))
                .build();
        List<Step> steps = DataShopExport.steps(log);
        assertThat(steps).extracting(Step::problemView).containsExactly(1, 2);
        assertThat(steps).extracting(Step::correctFirstAttempt).containsExactly(false, true);
        assertThat(steps).extracting(s -> s.opportunities().get(0)).containsExactly(1, 2);
    }

    @Test
    void anExportOfSimulatedSessionsFitsBackWithTheDataShopReader() throws Exception {
        Path file = tmp.resolve("steps.tsv");
        long kcResponses = 0;
        int rows = 0;
        try (LearnerStore store = LearnerStores.open(tmp.resolve("l.db").toString());
             var out = Files.newBufferedWriter(file)) {
            List<LearnerId> ids = TestLogs.simulate(store, 6, 40, 11);
            DataShopWriter w = new DataShopWriter(out);
            for (LearnerId id : ids) {
                LearnerLog log = LearnerLog.read(store, id).orElseThrow();
                for (Step s : DataShopExport.steps(log)) {
                    w.write(s);
                    kcResponses += s.kcs().size();
                    rows++;
                    assertThat(s.firstTransaction()).isAfterOrEqualTo(s.start());
                    assertThat(s.end()).isAfterOrEqualTo(s.firstTransaction());
                    if (s.correctFirstAttempt()) {
                        assertThat(s.corrects()).isPositive();
                        assertThat(s.correctTransaction()).isEqualTo(s.firstTransaction());
                    } else {
                        assertThat(s.incorrects() + s.hints()).isPositive();
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(6 * 10);
        ResponseLog read = new DataShopReader().read(file);
        assertThat(read.size()).isEqualTo(kcResponses);
        assertThat(read.studentCount()).isEqualTo(6);
        FitResult fit = new EmFitter(FitOptions.defaults()).fit(read.bySkill());
        assertThat(fit.logLikelihood()).isNegative();
    }
}
