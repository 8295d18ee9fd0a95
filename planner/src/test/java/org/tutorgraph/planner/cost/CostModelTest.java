package org.tutorgraph.planner.cost;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.PlannerGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CostModelTest {

    private final PlannerGraph graph = PlannerGraph.of(CourseGraph.builder()
            .concept(new Concept("easy", "easy", "", 1, 60, "x"))
            .concept(new Concept("hard", "hard", "", 5, 60, "x"))
            .concept(new Concept("helper", "helper", "", 1, 10, "y"))
            .concept(new Concept("helper2", "helper2", "", 1, 10, "y"))
            .supports("helper", "easy", 1.0)
            .supports("helper2", "easy", 1.0)
            .build());

    private double cost(String id, double[] p) {
        return ConceptCost.of(graph, graph.indexOf(id), p, CostConfig.DEFAULT);
    }

    @Test
    void anUnknownEasyConceptCostsItsMinutes() {
        assertThat(cost("easy", new double[4])).isEqualTo(60.0);
    }

    @Test
    void aKnownConceptCostsOnlyAReview() {
        double[] p = {1.0, 0, 0, 0};
        assertThat(cost("easy", p)).isCloseTo(60 * 0.25, within(1e-9));
        p[0] = 0.5; // 0.25 + 0.75 * 0.5
        assertThat(cost("easy", p)).isCloseTo(60 * 0.625, within(1e-9));
    }

    @Test
    void difficultyRaisesTheCost() {
        assertThat(cost("hard", new double[4])).isCloseTo(60 * 1.4, within(1e-9));
    }

    @Test
    void masteredSupportersLowerTheCostUpToTheCap() {
        double[] p = new double[4];
        p[graph.indexOf("helper")] = 1.0;
        assertThat(cost("easy", p)).isCloseTo(60 * 0.5, within(1e-9));
        p[graph.indexOf("helper2")] = 1.0; // 0.5 * 0.5 = 0.25 < 1 - 0.6: capped at 0.4
        assertThat(cost("easy", p)).isCloseTo(60 * 0.4, within(1e-9));
    }

    @Test
    void refusesParametersOutsideTheirRange() {
        assertThatThrownBy(() -> new CostConfig(1.5, 0.1, 0.5, 0.6)).hasMessageContaining("reviewFraction");
        assertThatThrownBy(() -> new SequenceConfig(5, -1, 1, 10, 1, 4)).hasMessageContaining("gapWindow");
    }

    @Test
    void sequenceCostCountsSwitchesCappedGapsAndSteepJumps() {
        CourseGraph g = CourseGraph.builder()
                .concept(new Concept("p", "p", "", 1, 10, "a"))
                .concept(new Concept("f1", "f1", "", 1, 10, "b"))
                .concept(new Concept("f2", "f2", "", 1, 10, "b"))
                .concept(new Concept("f3", "f3", "", 1, 10, "b"))
                .concept(new Concept("f4", "f4", "", 1, 10, "b"))
                .concept(new Concept("f5", "f5", "", 1, 10, "b"))
                .concept(new Concept("use", "use", "", 4, 10, "a"))
                .requires("p", "use")
                .build();
        PlannerGraph pg = PlannerGraph.of(g);
        int[] order = {0, 1, 2, 3, 4, 5, 6};
        SequenceCost c = SequenceCostModel.evaluate(pg, order, SequenceConfig.DEFAULT);
        assertThat(c.switches()).isEqualTo(2);
        assertThat(c.switchCost()).isEqualTo(10.0);
        // p at 0, use at 6: 5 steps between, window 3 → 2 steps × 1 min
        assertThat(c.gapCost()).isEqualTo(2.0);
        // f5 (1) → use (4): 3 levels, allowance 1 → 2 × 4 min
        assertThat(c.jumpCost()).isEqualTo(8.0);
        SequenceConfig capped = new SequenceConfig(5, 0, 1, 1.5, 1, 4);
        assertThat(SequenceCostModel.evaluate(pg, order, capped).gapCost()).isEqualTo(1.5);
    }
}
