package org.tutorgraph.planner;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.planner.TestGraphs.concept;

class UnreachableGoalsTest {

    private final CourseGraph graph = CourseGraph.builder()
            .concept(concept("root", 10)).concept(concept("blocked", 10)).concept(concept("alt-1", 10))
            .concept(concept("alt-2", 10)).concept(concept("needs-blocked", 10)).concept(concept("needs-group", 10))
            .concept(concept("fine", 10))
            .requires("root", "blocked").requires("blocked", "needs-blocked")
            .anyOf("needs-group", List.of("alt-1", "alt-2"))
            .requires("root", "fine")
            .build();
    private final Planner planner = Planner.forCourse(graph);

    @Test
    void unknownGoalIsReportedWithASuggestionAndTheOthersArePlanned() {
        Plan plan = planner.plan(Map.of(), List.of("fine", "fien"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("root", "fine");
        assertThat(plan.unreachable()).singleElement().satisfies(u -> {
            assertThat(u.goal()).isEqualTo("fien");
            assertThat(u.reason()).isEqualTo("unknown concept (did you mean 'fine'?)");
        });
        assertThat(plan.reachesAllGoals()).isFalse();
    }

    @Test
    void goalBehindAnUnavailableConceptNamesTheChain() {
        Plan plan = planner.plan(Map.of(), List.of("needs-blocked", "fine"),
                PlanConfig.DEFAULT.withUnavailable(Set.of("blocked")));
        assertThat(plan.conceptOrder()).containsExactly("root", "fine");
        assertThat(plan.unreachable()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("'needs-blocked' requires 'blocked', 'blocked' cannot be taught now (unavailable)"));
    }

    @Test
    void goalWhoseAnyOfGroupHasNoAvailableAlternativeSaysSo() {
        Plan plan = planner.plan(Map.of(), List.of("needs-group"),
                PlanConfig.DEFAULT.withUnavailable(Set.of("alt-1", "alt-2")));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.unreachable()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("anyOf group needs-group#1 of 'needs-group' has no available alternative (alt-1, alt-2)"));
    }

    @Test
    void anUnavailableAlternativeIsAvoided() {
        Plan plan = planner.plan(Map.of(), List.of("needs-group"), PlanConfig.DEFAULT.withUnavailable(Set.of("alt-1")));
        assertThat(plan.conceptOrder()).containsExactly("alt-2", "needs-group");
    }

    @Test
    void aMasteredConceptIsAvailableEvenWhenMarkedUnavailable() {
        Plan plan = planner.plan(Map.of("blocked", 1.0), List.of("needs-blocked"), PlanConfig.DEFAULT.withUnavailable(Set.of("blocked")));
        assertThat(plan.conceptOrder()).containsExactly("needs-blocked");
    }

    @Test
    void refusesUnknownConceptsInMasteryAndPosteriorsOutOfRange() {
        assertThatThrownBy(() -> planner.plan(Map.of("nope", 1.0), List.of("fine"), PlanConfig.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> planner.plan(Map.of("root", 1.5), List.of("fine"), PlanConfig.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }
}
