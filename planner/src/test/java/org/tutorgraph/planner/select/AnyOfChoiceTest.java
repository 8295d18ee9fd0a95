package org.tutorgraph.planner.select;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.Planner;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.planner.TestGraphs.concept;
import static org.tutorgraph.planner.TestGraphs.mastered;

class AnyOfChoiceTest {

    @Test
    void takesTheCheaperAlternative() {
        CourseGraph g = CourseGraph.builder()
                .concept(concept("cheap", 10)).concept(concept("dear", 30)).concept(concept("goal", 20))
                .anyOf("goal", List.of("dear", "cheap")).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("cheap", "goal");
        assertThat(plan.step("cheap").orElseThrow().enables()).containsExactly(new Link.AnyOf("cheap", "goal", "goal#1"));
    }

    @Test
    void countsTheAlternativesOwnPrerequisites() {
        // "short" looks cheap but needs a 60-minute prerequisite; "long" (25) wins: 25 < 5 + 60
        CourseGraph g = CourseGraph.builder()
                .concept(concept("base", 60)).concept(concept("short", 5)).concept(concept("long", 25)).concept(concept("goal", 20))
                .requires("base", "short")
                .anyOf("goal", List.of("short", "long")).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("long", "goal");
    }

    @Test
    void prefersTheAlternativeWhosePrerequisitesArePlannedAnyway() {
        // goal requires base; with base in the plan, "short" costs only 5 more
        CourseGraph g = CourseGraph.builder()
                .concept(concept("base", 60)).concept(concept("short", 5)).concept(concept("long", 25)).concept(concept("goal", 20))
                .requires("base", "short").requires("base", "goal")
                .anyOf("goal", List.of("short", "long")).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("base", "short", "goal");
    }

    @Test
    void oneSharedAlternativeSatisfiesTwoGoalsMoreCheaplyThanTwoSeparateOnes() {
        // g1 anyOf {a, s}, g2 anyOf {s, c}; a = c = 10, s = 15: optimum {s} = 15 < a + c = 20
        CourseGraph g = CourseGraph.builder()
                .concept(concept("a", 10)).concept(concept("s", 15)).concept(concept("c", 10))
                .concept(concept("g1", 1)).concept(concept("g2", 1))
                .anyOf("g1", List.of("a", "s")).anyOf("g2", List.of("s", "c")).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("g1", "g2"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactlyInAnyOrder("s", "g1", "g2");
        assertThat(plan.totals().learningMinutes()).isEqualTo(17.0);
    }

    @Test
    void aMasteredAlternativeSatisfiesTheGroup() {
        CourseGraph g = CourseGraph.builder()
                .concept(concept("known", 50)).concept(concept("other", 1)).concept(concept("goal", 20))
                .anyOf("goal", List.of("other", "known")).build();
        Plan plan = Planner.plan(g, mastered("known"), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactly("goal");
        assertThat(plan.sources()).singleElement().satisfies(s -> {
            assertThat(s.concept()).isEqualTo("known");
            assertThat(s.enables()).containsExactly(new Link.AnyOf("known", "goal", "goal#1"));
        });
    }

    @Test
    void nestedGroupsAreSolvedToTheKnownOptimum() {
        // goal anyOf {x, y}; x anyOf {p, q}; y requires r.
        // x = 5 + min(p = 40, q = 30) = 35; y = 10 + r = 10 + 20 = 30 → optimum {y, r, goal}
        CourseGraph g = CourseGraph.builder()
                .concept(concept("p", 40)).concept(concept("q", 30)).concept(concept("r", 20))
                .concept(concept("x", 5)).concept(concept("y", 10)).concept(concept("goal", 1))
                .anyOf("x", List.of("p", "q")).requires("r", "y")
                .anyOf("goal", List.of("x", "y")).build();
        Planner planner = Planner.forCourse(g);
        SelectionProblem problem = new SelectionProblem(planner.graph(), new double[6], 0.95, PlanConfig.DEFAULT.cost(), null);
        int goal = planner.graph().indexOf("goal");
        ExactSelector.Result exact = ExactSelector.solve(problem, new int[]{goal}, 10_000);
        assertThat(exact.optimum()).isPresent();
        assertThat(exact.optimum().get().cost()).isEqualTo(31.0);
        assertThat(GreedySelector.select(problem, new int[]{goal}).cost()).isGreaterThanOrEqualTo(31.0);
    }

    @Test
    void usesTheGroupIdInTheExplanation() {
        CourseGraph g = CourseGraph.builder()
                .concept(concept("a", 10)).concept(concept("b", 20)).concept(concept("goal", 20))
                .anyOf(new AnyOfGroup("goal:route", "goal", List.of("a", "b"))).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("goal"), PlanConfig.DEFAULT);
        assertThat(plan.steps().get(0).enables()).containsExactly(new Link.AnyOf("a", "goal", "goal:route"));
    }

    @Test
    void forgetsCoverageOfAGroupThatAnotherPickSatisfied() {
        // g1 anyOf {u, x}, g2 anyOf {c, d}, c requires u. u (1) is picked first for g1; c then covers only g2
        // and costs 10 more, so d (7) is cheaper: optimum u + d = 8, not c + u = 11.
        CourseGraph g = CourseGraph.builder()
                .concept(concept("u", 1)).concept(concept("x", 50)).concept(concept("c", 10)).concept(concept("d", 7))
                .concept(concept("g1", 1)).concept(concept("g2", 1))
                .requires("u", "c")
                .anyOf("g1", List.of("u", "x")).anyOf("g2", List.of("c", "d")).build();
        Plan plan = Planner.plan(g, Map.of(), List.of("g1", "g2"), PlanConfig.DEFAULT);
        assertThat(plan.conceptOrder()).containsExactlyInAnyOrder("u", "d", "g1", "g2");
    }

    @Test
    void swapsAnEarlyChoiceOnceALaterOneMakesTheOtherAlternativeCheap() {
        // g1 anyOf {a (10), b (2, requires h 9)}; g2 anyOf {c (1, requires h), d (20)}.
        // Greedy takes a (10 < 11), then c + h (10 < 20): 20. With h planned, b costs 2: swap a for b → 12.
        CourseGraph g = CourseGraph.builder()
                .concept(concept("a", 10)).concept(concept("b", 2)).concept(concept("h", 9))
                .concept(concept("c", 1)).concept(concept("d", 20))
                .concept(concept("g1", 1)).concept(concept("g2", 1))
                .requires("h", "b").requires("h", "c")
                .anyOf("g1", List.of("a", "b")).anyOf("g2", List.of("c", "d")).build();
        Planner planner = Planner.forCourse(g);
        SelectionProblem problem = new SelectionProblem(planner.graph(), new double[7], 0.95, PlanConfig.DEFAULT.cost(), null);
        int[] goals = {planner.graph().indexOf("g1"), planner.graph().indexOf("g2")};
        assertThat(GreedySelector.selectWithoutSwaps(problem, goals).cost()).isEqualTo(22.0);
        assertThat(GreedySelector.select(problem, goals).cost()).isEqualTo(14.0);
        assertThat(ExactSelector.solve(problem, goals, 1000).optimum().orElseThrow().cost()).isEqualTo(14.0);
    }
}
