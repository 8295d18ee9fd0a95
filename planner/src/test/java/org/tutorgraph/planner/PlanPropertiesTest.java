package org.tutorgraph.planner;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.eval.Instance;
import org.tutorgraph.planner.eval.LearnerSimulator;
import org.tutorgraph.planner.eval.PlanChecker;
import org.tutorgraph.planner.eval.SyntheticGraphs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties every plan has, over seeded random DAGs with requires, anyOf and supports edges. */
class PlanPropertiesTest {

    @Test
    void planNeverViolatesAPrerequisiteAndReachesEveryGoal() {
        qt().withFixedSeed(20240601L).withExamples(300)
                .forAll(integers().between(3, 80), longs().between(0, Long.MAX_VALUE), doubles().between(0.0, 0.8))
                .checkAssert((n, seed, anyOf) -> {
                    CourseGraph course = SyntheticGraphs.generate(SyntheticGraphs.Spec.of(n).withAnyOf(anyOf), seed);
                    Planner planner = Planner.forCourse(course);
                    Instance instance = new LearnerSimulator(planner.graph(), 0.95, seed).next();
                    if (instance == null) return;
                    Plan plan = planner.plan(instance.posterior(), ids(planner.graph(), instance.goals()), PlanConfig.DEFAULT);
                    assertValid(planner.graph(), course, instance.posterior(), instance.goals(), plan);
                });
    }

    @Test
    void incrementalUpdatesKeepThePlanValid() {
        qt().withFixedSeed(7L).withExamples(120)
                .forAll(integers().between(5, 60), longs().between(0, Long.MAX_VALUE), doubles().between(0.0, 0.6))
                .checkAssert((n, seed, anyOf) -> {
                    CourseGraph course = SyntheticGraphs.generate(SyntheticGraphs.Spec.of(n).withAnyOf(anyOf), seed);
                    Planner planner = Planner.forCourse(course);
                    PlannerGraph graph = planner.graph();
                    Instance instance = new LearnerSimulator(graph, 0.95, seed).next();
                    if (instance == null) return;
                    List<String> goals = ids(graph, instance.goals());
                    IncrementalPlanner inc = planner.incremental(instance.posterior(), goals, PlanConfig.DEFAULT);
                    double[] p = instance.posterior().clone();
                    Random rng = new Random(seed);
                    for (int step = 0; step < 12; step++) {
                        int v;
                        double value;
                        Plan current = inc.current();
                        if (rng.nextBoolean() && !current.steps().isEmpty()) {
                            v = graph.indexOf(current.steps().get(0).concept());
                            value = 0.96 + 0.04 * rng.nextDouble();
                        } else {
                            v = rng.nextInt(graph.size());
                            value = rng.nextDouble();
                        }
                        boolean invalidates = current.isInvalidatedBy(course, graph.id(v), value);
                        p[v] = value;
                        Optional<Plan> updated = inc.update(graph.id(v), value);
                        if (updated.isPresent()) assertThat(invalidates).as("re-planned without invalidation").isTrue();
                        assertValid(graph, course, p, instance.goals(), inc.current());
                        if (course.anyOfGroups().isEmpty()) {
                            // the selection is unique: the incremental plan must explain it exactly as a fresh one
                            Plan fresh = planner.plan(p, goals, PlanConfig.DEFAULT);
                            Plan now = inc.current();
                            assertThat(new HashSet<>(now.conceptOrder())).isEqualTo(new HashSet<>(fresh.conceptOrder()));
                            for (Step s : now.steps()) {
                                Step f = fresh.step(s.concept()).orElseThrow();
                                assertThat(new HashSet<>(s.enables())).isEqualTo(new HashSet<>(f.enables()));
                                assertThat(s.forGoals()).isEqualTo(f.forGoals());
                                assertThat(s.cost()).isEqualTo(f.cost());
                            }
                            assertThat(linksBySource(now)).isEqualTo(linksBySource(fresh));
                            assertThat(now.totals().learningMinutes()).isCloseTo(fresh.totals().learningMinutes(),
                                    org.assertj.core.data.Offset.offset(1e-6));
                        }
                    }
                });
    }

    static java.util.Map<String, Set<Link>> linksBySource(Plan plan) {
        java.util.Map<String, Set<Link>> out = new java.util.HashMap<>();
        for (Source s : plan.sources()) out.put(s.concept(), new HashSet<>(s.enables()));
        return out;
    }

    static List<String> ids(PlannerGraph graph, int[] indices) {
        List<String> out = new ArrayList<>();
        for (int v : indices) out.add(graph.id(v));
        return out;
    }

    static void assertValid(PlannerGraph graph, CourseGraph course, double[] p, int[] goals, Plan plan) {
        int[] order = plan.conceptOrder().stream().mapToInt(graph::indexOf).toArray();
        assertThat(PlanChecker.violations(graph, p, 0.95, order)).as("violations").isZero();
        Set<String> planned = new HashSet<>(plan.conceptOrder());
        assertThat(planned).as("no duplicate steps").hasSize(order.length);
        for (int goal : goals) {
            if (p[goal] < 0.95) assertThat(planned).as("goal planned").contains(graph.id(goal));
            else assertThat(plan.masteredGoals()).contains(graph.id(goal));
        }
        int[] needed = PlanChecker.neededWeakConcepts(graph, p, 0.95, goals);
        assertThat(PlanChecker.covered(graph, needed, order)).as("coverage").isEqualTo(needed.length);
        Set<Link> edges = course.asGraph().edgeSet();
        for (Step s : plan.steps()) {
            assertThat(p[graph.indexOf(s.concept())]).as("steps are unmastered").isLessThan(0.95);
            assertThat(s.forGoals()).as("every step is needed by a goal").isNotEmpty();
            for (Link link : s.enables()) {
                assertThat(edges).as("explanations name real edges").contains(link);
                assertThat(link.source()).isEqualTo(s.concept());
                assertThat(plan.conceptOrder().indexOf(link.target())).isGreaterThan(s.number() - 1);
            }
        }
        for (Source src : plan.sources()) {
            assertThat(p[graph.indexOf(src.concept())]).isGreaterThanOrEqualTo(0.95);
            for (Link link : src.enables()) assertThat(edges).contains(link);
        }
    }
}
