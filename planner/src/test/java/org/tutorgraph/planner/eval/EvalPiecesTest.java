package org.tutorgraph.planner.eval;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.select.SelectionProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.planner.TestGraphs.concept;

class EvalPiecesTest {

    @Test
    void readsMetamathStatementsAsADependencyDag() throws Exception {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/metamath/tiny.mm")).toURI());
        CourseGraph g = MetamathGraphs.read(file);
        assertThat(g.concepts()).extracting(c -> c.id()).containsExactly("wi", "ax-mp", "ax-1", "a1i", "th2");
        assertThat(g.requires("a1i")).containsExactlyInAnyOrder("wi", "ax-1", "ax-mp");
        assertThat(g.requires("th2")).containsExactlyInAnyOrder("wi", "ax-1", "a1i");
        assertThat(g.concept("wi").area()).isEqualTo("Propositional calculus");
        assertThat(g.concept("th2").area()).isEqualTo("First theorems");
        assertThat(g.concept("wi").difficulty()).isEqualTo(1.0);
        assertThat(g.concept("a1i").learningMinutes()).isEqualTo(5 + 2 * 3);
    }

    @Test
    void reportsAMalformedMetamathFileWithItsLine() {
        assertThatThrownBy(() -> MetamathGraphs.parse("$c wff $.\nx $a wff $.\nth $p wff x $.\n", "bad.mm"))
                .hasMessage("bad.mm:3: theorem th has no proof");
        assertThatThrownBy(() -> MetamathGraphs.parse("$( never closed", "bad.mm")).hasMessageContaining("bad.mm:1");
    }

    @Test
    void syntheticGraphsAreSeededAndShapedAsDocumented() {
        CourseGraph a = SyntheticGraphs.generate(1000, 5);
        CourseGraph b = SyntheticGraphs.generate(1000, 5);
        assertThat(a.size()).isEqualTo(1000);
        assertThat(a.requiresLinks()).isEqualTo(b.requiresLinks());
        assertThat(a.anyOfGroups()).isEqualTo(b.anyOfGroups());
        assertThat(a.requiresLinks()).isNotEqualTo(SyntheticGraphs.generate(1000, 6).requiresLinks());
        assertThat(a.anyOfGroups().size()).isBetween(100, 200);
        assertThat(a.supportsLinks().size()).isBetween(120, 280);
        assertThat(a.concepts().stream().map(c -> c.area()).distinct().count()).isEqualTo(11);
    }

    @Test
    void anyOfTransformTurnsSiblingPrerequisitesIntoAlternativesReproducibly() {
        CourseGraph g = CourseGraph.builder()
                .concept(concept("p1", 1)).concept(concept("p2", 1)).concept(concept("p3", 1)).concept(concept("t", 1))
                .concept(concept("single", 1))
                .requires("p1", "t").requires("p2", "t").requires("p3", "t").requires("p1", "single")
                .build();
        CourseGraph once = AnyOfTransform.apply(g, 1.0, 3);
        assertThat(once.anyOfGroups()).singleElement().satisfies(group -> {
            assertThat(group.concept()).isEqualTo("t");
            assertThat(group.alternatives().size()).isBetween(2, 3);
            for (String alt : group.alternatives()) assertThat(once.requires("t")).doesNotContain(alt);
        });
        assertThat(once.requires("t").size() + once.anyOfGroups().get(0).alternatives().size()).isEqualTo(3);
        assertThat(once.requires("single")).containsExactly("p1");
        assertThat(AnyOfTransform.apply(g, 1.0, 3).anyOfGroups()).isEqualTo(once.anyOfGroups());
        assertThat(AnyOfTransform.apply(g, 0.0, 3)).isSameAs(g);
    }

    @Test
    void simulatedLearnersKnowOnlyWhatTheirPrerequisitesAllow() {
        PlannerGraph g = PlannerGraph.of(SyntheticGraphs.generate(2000, 9));
        LearnerSimulator sim = new LearnerSimulator(g, 0.95, 9);
        for (int i = 0; i < 20; i++) {
            Instance instance = sim.next();
            double[] p = instance.posterior();
            assertThat(instance.goals().length).isBetween(1, 5);
            for (int goal : instance.goals()) assertThat(p[goal]).isLessThan(0.95);
            for (int v = 0; v < g.size(); v++) {
                if (p[v] < 0.95) continue;
                for (int u : g.requires(v)) assertThat(p[u]).isGreaterThanOrEqualTo(0.95);
                for (int grp : g.groupsOf(v)) {
                    boolean any = false;
                    for (int a : g.alternatives(grp)) any |= p[a] >= 0.95;
                    assertThat(any).isTrue();
                }
            }
        }
    }

    @Test
    void shortestPathBaselineSkipsRequiredPrerequisites() {
        // goal requires both left and right; a path follows only one of them
        CourseGraph g = CourseGraph.builder()
                .concept(concept("left", 5)).concept(concept("right", 50)).concept(concept("goal", 10))
                .requires("left", "goal").requires("right", "goal").build();
        PlannerGraph pg = PlannerGraph.of(g);
        double[] p = new double[3];
        SelectionProblem problem = new SelectionProblem(pg, p, 0.95, PlanConfig.DEFAULT.cost(), null);
        int[] goals = {pg.indexOf("goal")};
        int[] path = Baselines.shortestPathUnion(problem, goals);
        assertThat(path).containsExactly(pg.indexOf("left"), pg.indexOf("goal"));
        assertThat(PlanChecker.violations(pg, p, 0.95, path)).isEqualTo(1);
        int[] needed = PlanChecker.neededWeakConcepts(pg, p, 0.95, goals);
        assertThat(PlanChecker.covered(pg, needed, path)).isEqualTo(2);
        assertThat(needed).hasSize(3);
    }

    @Test
    void evaluationComparesAllPlannersOnTheSameInstances() {
        CourseGraph g = SyntheticGraphs.generate(400, 2);
        PlannerEvaluation.Report report = PlannerEvaluation.run("synthetic-400", g, PlanConfig.DEFAULT,
                new PlannerEvaluation.Options(15, 2, 20_000, 3, 2));
        assertThat(report.planners()).extracting(PlannerEvaluation.PlannerResult::name)
                .containsExactly("ours", "shortest-paths", "topological", "closure-all", "exact");
        PlannerEvaluation.PlannerResult ours = report.planners().get(0);
        assertThat(ours.violations()).isZero();
        assertThat(ours.coverage()).isEqualTo(1.0);
        assertThat(ours.costRatioMedian()).isGreaterThanOrEqualTo(1.0 - 1e-9);
        assertThat(report.planners().get(1).violations()).isPositive();
        assertThat(report.planners().get(3).costRatioMedian()).isGreaterThanOrEqualTo(ours.costRatioMedian());
        assertThat(report.incremental().violations()).isZero();
        assertThat(report.incremental().uncovered()).isZero();
        assertThat(report.instances()).isEqualTo(15);
    }

    @Test
    void percentileIsNearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(PlannerEvaluation.percentile(v, 50)).isEqualTo(5);
        assertThat(PlannerEvaluation.percentile(v, 99)).isEqualTo(10);
        assertThat(List.of(PlannerEvaluation.percentile(new double[]{3}, 50))).containsExactly(3.0);
    }
}
