package org.tutorgraph.models.bench;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.prompts.PromptLibrary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped tutor templates keep a turn within the token budget on the bundled course. */
class PromptTokenBenchTest {

    @Test
    void everyItemClimbsTheLadderAndTheMedianTurnFitsTheBudget() {
        CoursePack pack = BundledCourse.load();
        PromptTokenBench.Result r = new PromptTokenBench().run(pack, PromptLibrary.defaults()::render);
        assertThat(r.turns()).isEqualTo(5 * pack.items().size());
        assertThat(r.templates()).extracting(PromptTokenBench.TemplateSize::template)
                .containsExactly("tutor-orient", "tutor-probe", "tutor-scaffold", "tutor-bottom-out", "tutor-feedback");
        assertThat(r.median()).isLessThanOrEqualTo(PromptTokenBench.TARGET_MEDIAN);
        assertThat(r.meetsTarget()).isTrue();
        assertThat(r.systemTokens()).isGreaterThan(100);
        assertThat(r.median()).isGreaterThan(r.systemTokens());
    }

    @Test
    void percentileIsNearestRank() {
        assertThat(PromptTokenBench.percentile(List.of(5, 1, 3, 2, 4), 50)).isEqualTo(3);
        assertThat(PromptTokenBench.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9);
        assertThat(PromptTokenBench.percentile(List.of(), 50)).isZero();
    }
}
