package org.tutorgraph.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.models.Models;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.view.Transcript;
import org.tutorgraph.session.view.Views;
import org.tutorgraph.tutor.LadderPolicy;

import java.nio.file.Path;
import java.util.List;

class SmokeTest {
    @TempDir Path dir;

    @Test
    void runs() throws Exception {
        CoursePack pack = BundledCourse.load();
        CourseContext course = CourseContext.of(pack);
        try (LearnerStore store = LearnerStores.open(dir.resolve("l.db").toString())) {
            TutoringSession s = TutoringSession.open(store, LearnerId.of("alice"), course, Models.offline(), LadderPolicy.DEFAULT, "s1");
            Transcript tr = new Transcript(course, s.model());
            StringBuilder out = new StringBuilder();
            Turn.Display d = (m, streamed) -> out.append(tr.render(m, streamed));
            s.begin(List.of("two-step-equations"), d);
            for (int i = 0; i < 40; i++) {
                String answer;
                var p = s.model().progress();
                if (p.diagnosis().pending() != null) {
                    answer = i % 3 == 0 ? "idk" : course.pack().item(p.diagnosis().pending().item()).map(Item::primaryAnswer).orElse("yes");
                } else if (p.open() != null) {
                    Item item = pack.item(p.open().item()).orElseThrow();
                    answer = i % 4 == 0 ? "/hint" : i % 4 == 1 ? "999" : i % 4 == 2 ? "just tell me the answer" : item.primaryAnswer();
                } else answer = "hello";
                out.append("> ").append(answer).append('\n');
                StudentTurn t = answer.equals("/hint") ? StudentTurn.of(StudentTurn.Kind.HINT, answer) : StudentTurn.of(StudentTurn.Kind.TEXT, answer);
                var phase = s.submit(t, d);
                if (i == 20) out.append(Views.progress(s.model(), course)).append(Views.why(s.model(), course, phase)).append(Views.plan(s.model(), course));
            }
            s.end(SessionEnded.Reason.QUIT, d);
            System.out.println(out);
        }
    }
}
