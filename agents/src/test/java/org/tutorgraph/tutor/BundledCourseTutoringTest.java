package org.tutorgraph.tutor;

import org.junit.jupiter.api.Test;
import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.BundledCourse;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tutor on the bundled course: every accepted answer grades as correct, every misconception's wrong answer as that
 * misconception, and a scripted student (hints, a demand, "idk", unreadable and wrong answers) never makes the offline
 * voice say something the guard must replace. Runs once the course is complete (30 concepts or more), since it is
 * written in parallel.
 */
class BundledCourseTutoringTest {

    @Test
    void theBundledCourseGradesAndTutorsCleanly() {
        CoursePack pack = BundledCourse.load();
        assumeTrue(pack.graph().size() >= 30, "the bundled course has fewer than 30 concepts: not complete yet");
        AnswerChecker checker = new AnswerChecker();
        TutorEngine tutor = TutorEngine.offline();
        List<String> problems = new ArrayList<>();
        for (Item item : pack.items()) {
            for (String a : item.answers()) {
                CheckResult r = checker.check(item, a);
                if (!r.isCorrect()) problems.add(item.id() + ": accepted answer '" + a + "' grades as " + r);
            }
            for (Misconception m : item.misconceptions()) {
                for (String w : m.wrongAnswers()) {
                    CheckResult r = checker.check(item, w);
                    boolean recognised = r instanceof CheckResult.Incorrect i && i.misconception().map(Misconception::id).orElse("").equals(m.id());
                    if (!recognised) problems.add(item.id() + ": wrong answer '" + w + "' of " + m.id() + " grades as " + r);
                }
            }
            TutorContext ctx = TutorContext.of(item, pack.graph().concept(item.concepts().get(0)));
            LadderState state = LadderState.start();
            for (String in : List.of("hint", "just tell me the answer", "idk", "hint", "banana", "hint", "9999", "-12345")) {
                TutorTurn t = tutor.respond(ctx, state, in);
                state = t.state();
                t.guardReplaced().ifPresent(l -> problems.add(item.id() + ": the offline voice leaked " + l.form().key() + " '" + l.text() + "'"));
                if (t.rung().orElse(null) == Rung.BOTTOM_OUT) assertThat(state.genuineAttempts()).isGreaterThanOrEqualTo(tutor.policy().attemptsBeforeBottomOut());
            }
        }
        assertThat(problems).isEmpty();
    }
}
