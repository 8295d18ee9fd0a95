package org.tutorgraph.planner;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.planner.TestGraphs.concept;

class IncrementalPlannerTest {

    /** a → b → goal, c → goal; goal anyOf {x, y} (x cheap, y dear); z unrelated. */
    private final CourseGraph graph = CourseGraph.builder()
            .concept(concept("a", 10)).concept(concept("b", 10)).concept(concept("c", 10))
            .concept(concept("x", 5)).concept(concept("y", 50)).concept(concept("z", 10)).concept(concept("goal", 10))
            .requires("a", "b").requires("b", "goal").requires("c", "goal")
            .anyOf("goal", List.of("x", "y"))
            .build();
    private final Planner planner = Planner.forCourse(graph);

    private IncrementalPlanner start(Map<String, Double> mastery) {
        return planner.incremental(mastery, List.of("goal"), PlanConfig.DEFAULT);
    }

    @Test
    void masteringTheNextStepDropsItAndKeepsTheRest() {
        IncrementalPlanner inc = start(Map.of());
        List<String> before = inc.current().conceptOrder();
        String next = before.get(0);
        Optional<Plan> after = inc.update(next, 0.97);
        assertThat(after).isPresent();
        assertThat(after.get().conceptOrder()).isEqualTo(before.subList(1, before.size()));
    }

    @Test
    void masteringAConceptDropsThePrerequisitesOnlyItNeeded() {
        IncrementalPlanner inc = start(Map.of());
        assertThat(inc.current().conceptOrder()).contains("a", "b");
        Plan after = inc.update("b", 1.0).orElseThrow();
        assertThat(after.conceptOrder()).doesNotContain("a", "b").contains("c", "x", "goal");
    }

    @Test
    void masteringTheUnchosenAlternativeReleasesTheChosenOne() {
        IncrementalPlanner inc = start(Map.of());
        assertThat(inc.current().conceptOrder()).contains("x").doesNotContain("y");
        Plan after = inc.update("y", 0.99).orElseThrow();
        assertThat(after.conceptOrder()).doesNotContain("x", "y");
        assertThat(after.sources()).anySatisfy(s -> assertThat(s.concept()).isEqualTo("y"));
    }

    @Test
    void forgettingAPrerequisitePutsItBackBeforeItsUse() {
        IncrementalPlanner inc = start(Map.of("a", 1.0, "b", 1.0));
        assertThat(inc.current().conceptOrder()).doesNotContain("a", "b");
        Plan after = inc.update("b", 0.4).orElseThrow();
        List<String> order = after.conceptOrder();
        assertThat(order).contains("b").doesNotContain("a");
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("goal"));
    }

    @Test
    void forgettingAConceptThatAlsoLostItsOwnPrerequisiteAddsBoth() {
        IncrementalPlanner inc = start(Map.of("a", 1.0, "b", 1.0));
        inc.update("a", 0.1);
        Plan after = inc.update("b", 0.1).orElseThrow();
        List<String> order = after.conceptOrder();
        assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("goal"));
    }

    @Test
    void changesThatDoNotCrossTheThresholdOrTouchThePlanKeepIt() {
        IncrementalPlanner inc = start(Map.of());
        Plan before = inc.current();
        assertThat(inc.update("z", 0.99)).isEmpty();
        assertThat(inc.update("c", 0.6)).isEmpty();
        assertThat(inc.current().conceptOrder()).isEqualTo(before.conceptOrder());
        assertThat(inc.current().step("c").orElseThrow().cost()).isLessThan(before.step("c").orElseThrow().cost());
    }

    @Test
    void masteringTheGoalEmptiesThePlan() {
        IncrementalPlanner inc = start(Map.of());
        Plan after = inc.update("goal", 1.0).orElseThrow();
        assertThat(after.steps()).isEmpty();
        assertThat(after.masteredGoals()).containsExactly("goal");
    }

    @Test
    void planSaysWhichChangesInvalidateIt() {
        Plan plan = planner.plan(Map.of("a", 1.0), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.isInvalidatedBy(graph, "b", 0.99)).as("a step mastered").isTrue();
        assertThat(plan.isInvalidatedBy(graph, "b", 0.5)).as("a step's mastery moves").isFalse();
        assertThat(plan.isInvalidatedBy(graph, "a", 0.2)).as("a source forgotten").isTrue();
        assertThat(plan.isInvalidatedBy(graph, "y", 0.99)).as("an alternative mastered").isTrue();
        assertThat(plan.isInvalidatedBy(graph, "z", 0.99)).as("unrelated").isFalse();
    }
}
