package org.tutorgraph.guard;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.BundledCourse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LadderAuditTest {

    @Test
    void findsAuthoredRungsAndProbesThatGiveTheAnswerAway() {
        Item item = new Item("add", "What is -7 + 12?", AnswerType.NUMBER, List.of("5"), List.of(), 0, List.of("c"),
                List.of(new Misconception("signs", "ignores signs", List.of("19"), "Is it 5 or 19?")),
                List.of(HintRung.of(Rung.ORIENT, "Start at -7 and count to 0."),
                        HintRung.of(Rung.PROBE, "You should land on five."),
                        new HintRung(Rung.SCAFFOLD, "First find -7 + 7.", "0"),
                        HintRung.of(Rung.BOTTOM_OUT, "So -7 + 12 = 5.")));
        List<LadderAudit.Finding> findings = LadderAudit.audit(item);
        assertThat(findings).extracting(LadderAudit.Finding::where)
                .containsExactly("rung orient", "rung probe", "misconception signs probe");
        assertThat(findings.get(0).message()).contains("later scaffold's answer '0'");
        assertThat(findings.get(1).message()).contains("the answer '5' as number-words 'five'");
    }

    /**
     * Every bundled item's lower rungs pass the guard. Runs once the bundled course is complete (30 concepts or more);
     * the course is being written in parallel, so a small draft is skipped rather than judged.
     */
    @Test
    void bundledCourseRungsPassTheGuard() {
        CoursePack pack = BundledCourse.load();
        assumeTrue(pack.graph().size() >= 30, "the bundled course has fewer than 30 concepts: not complete yet");
        assertThat(LadderAudit.audit(pack)).extracting(LadderAudit.Finding::message).isEmpty();
    }
}
