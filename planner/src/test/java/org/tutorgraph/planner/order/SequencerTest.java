package org.tutorgraph.planner.order;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.PlannerGraph;
import org.tutorgraph.planner.cost.SequenceConfig;
import org.tutorgraph.planner.cost.SequenceCostModel;
import org.tutorgraph.planner.eval.Baselines;
import org.tutorgraph.planner.eval.Instance;
import org.tutorgraph.planner.eval.LearnerSimulator;
import org.tutorgraph.planner.eval.PlanChecker;
import org.tutorgraph.planner.eval.SyntheticGraphs;
import org.tutorgraph.planner.select.GreedySelector;
import org.tutorgraph.planner.select.Selection;
import org.tutorgraph.planner.select.SelectionProblem;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequencerTest {

    @Test
    void keepsAreasTogetherWhenPrerequisitesAllowIt() {
        // two independent chains in areas a and b, interleaved in declaration order
        CourseGraph g = CourseGraph.builder()
                .concept(new Concept("a1", "a1", "", 1, 10, "a")).concept(new Concept("b1", "b1", "", 1, 10, "b"))
                .concept(new Concept("a2", "a2", "", 1, 10, "a")).concept(new Concept("b2", "b2", "", 1, 10, "b"))
                .concept(new Concept("a3", "a3", "", 1, 10, "a")).concept(new Concept("b3", "b3", "", 1, 10, "b"))
                .concept(new Concept("goal", "goal", "", 1, 10, "b"))
                .requires("a1", "a2").requires("a2", "a3").requires("b1", "b2").requires("b2", "b3")
                .requires("a3", "goal").requires("b3", "goal")
                .build();
        PlannerGraph pg = PlannerGraph.of(g);
        SelectionProblem problem = new SelectionProblem(pg, new double[pg.size()], 0.95, PlanConfig.DEFAULT.cost(), null);
        int[] goals = {pg.indexOf("goal")};
        Selection selection = GreedySelector.select(problem, goals);
        int[] order = Sequencer.order(problem, selection, goals, SequenceConfig.DEFAULT, OrderConfig.DEFAULT);
        assertThat(SequenceCostModel.evaluate(pg, order, SequenceConfig.DEFAULT).switches()).isEqualTo(1);
        int[] topological = Baselines.topological(pg, selection.members());
        assertThat(SequenceCostModel.evaluate(pg, topological, SequenceConfig.DEFAULT).switches()).isGreaterThan(1);
    }

    @Test
    void localSearchNeverRaisesTheSequenceCostAndNeverBreaksPrecedence() {
        for (long seed = 1; seed <= 40; seed++) {
            PlannerGraph pg = PlannerGraph.of(SyntheticGraphs.generate(300, seed));
            Instance instance = new LearnerSimulator(pg, 0.95, seed).next();
            SelectionProblem problem = new SelectionProblem(pg, instance.posterior(), 0.95, PlanConfig.DEFAULT.cost(), null);
            Selection selection = GreedySelector.select(problem, instance.goals());
            int[] plain = Sequencer.order(problem, selection, instance.goals(), SequenceConfig.DEFAULT, OrderConfig.NO_SEARCH);
            int[] searched = Sequencer.order(problem, selection, instance.goals(), SequenceConfig.DEFAULT, OrderConfig.DEFAULT);
            assertThat(SequenceCostModel.evaluate(pg, searched, SequenceConfig.DEFAULT).total())
                    .isLessThanOrEqualTo(SequenceCostModel.evaluate(pg, plain, SequenceConfig.DEFAULT).total() + 1e-9);
            assertThat(PlanChecker.violations(pg, instance.posterior(), 0.95, searched)).isZero();
            int[] a = searched.clone();
            int[] b = selection.members().clone();
            Arrays.sort(a);
            Arrays.sort(b);
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void eachGoalComesAsEarlyAsItsPrerequisitesAllowCheapestGoalFirst() {
        CourseGraph g = CourseGraph.builder()
                .concept(new Concept("x1", "x1", "", 1, 50, "")).concept(new Concept("x2", "x2", "", 1, 50, ""))
                .concept(new Concept("big", "big", "", 1, 10, "")).concept(new Concept("y1", "y1", "", 1, 5, ""))
                .concept(new Concept("small", "small", "", 1, 10, ""))
                .requires("x1", "x2").requires("x2", "big").requires("y1", "small")
                .build();
        PlannerGraph pg = PlannerGraph.of(g);
        SelectionProblem problem = new SelectionProblem(pg, new double[pg.size()], 0.95, PlanConfig.DEFAULT.cost(), null);
        int[] goals = {pg.indexOf("big"), pg.indexOf("small")};
        int[] order = Sequencer.order(problem, GreedySelector.select(problem, goals), goals, SequenceConfig.DEFAULT, OrderConfig.DEFAULT);
        List<String> ids = Arrays.stream(order).mapToObj(pg::id).toList();
        assertThat(ids).containsExactly("y1", "small", "x1", "x2", "big");
    }
}
