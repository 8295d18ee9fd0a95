package org.tutorgraph.planner;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.eval.PlanChecker;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.planner.TestGraphs.concept;
import static org.tutorgraph.planner.TestGraphs.mastered;

class ClosureTest {

    private final CourseGraph diamond = TestGraphs.diamond();
    private final Planner planner = Planner.forCourse(diamond);

    @Test
    void plansTheWholeUnmasteredClosureForANewLearner() {
        Plan plan = planner.plan(Map.of(), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "goal");
        assertThat(plan.conceptOrder().get(plan.steps().size() - 1)).isEqualTo("goal");
        assertThat(plan.totals().learningMinutes()).isEqualTo(155.0);
    }

    @Test
    void leavesOutMasteredConceptsAndWhatOnlyTheyNeed() {
        Plan plan = planner.plan(mastered("a", "b", "c", "d"), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("e", "goal");
        assertThat(plan.sources()).extracting(Source::concept).containsExactly("d");
    }

    @Test
    void masteredPrerequisiteCutsTheClosureEvenWhenItsOwnPrerequisitesAreWeak() {
        // d mastered: a, b, c are not needed even though the learner does not master them
        Plan plan = planner.plan(mastered("d"), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("e", "goal");
    }

    @Test
    void learnsASharedPrerequisiteOnceForSeveralGoals() {
        CourseGraph g = CourseGraph.builder()
                .concept(concept("base", 10)).concept(concept("x", 10)).concept(concept("y", 10))
                .requires("base", "x").requires("base", "y").build();
        Plan plan = Planner.plan(g, Map.of(), List.of("x", "y"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactlyInAnyOrder("base", "x", "y");
        assertThat(plan.step("base").orElseThrow().forGoals()).containsExactly("x", "y");
    }

    @Test
    void respectsEveryPrerequisite() {
        Plan plan = planner.plan(mastered("e"), List.of("goal"), PlanConfig.DEFAULT);
        PlannerGraph pg = planner.graph();
        double[] p = planner.posteriors(mastered("e"));
        int[] order = plan.conceptOrder().stream().mapToInt(pg::indexOf).toArray();
        assertThat(PlanChecker.violations(pg, p, 0.95, order)).isZero();
        List<String> o = plan.conceptOrder();
        assertThat(o.indexOf("a")).isLessThan(o.indexOf("b")).isLessThan(o.indexOf("d"));
        assertThat(o.indexOf("c")).isLessThan(o.indexOf("d"));
    }

    @Test
    void partlyKnownConceptCostsAReviewNotALesson() {
        Plan plan = planner.plan(Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0, "e", 0.8), List.of("goal"), PlanConfig.DEFAULT);
        Step e = plan.step("e").orElseThrow();
        // gap = 0.25 + 0.75 * (1 - 0.8) = 0.4
        assertThat(e.cost()).isCloseTo(5 * 0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.mastery()).isEqualTo(0.8);
    }

    @Test
    void aMasteredGoalNeedsNoSteps() {
        Plan plan = planner.plan(mastered("goal"), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.masteredGoals()).containsExactly("goal");
    }
}
