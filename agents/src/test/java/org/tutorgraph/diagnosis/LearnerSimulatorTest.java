package org.tutorgraph.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerSimulatorTest {

    private final KnowledgeStructure ks = KnowledgeStructure.of(Fixtures.graph());

    @Test
    void everyDrawnStateRespectsThePrerequisites() {
        LearnerSimulator sim = new LearnerSimulator(ks, new LearnerSimulator.Population(14, 3.0, 0.05, 0.15, 0.1, 0.3, 0.0));
        int masteredSomewhere = 0;
        for (long seed = 0; seed < 500; seed++) {
            boolean[] s = sim.draw(seed).state();
            assertThat(ks.feasible(s)).as("seed %d", seed).isTrue();
            for (boolean b : s) if (b) masteredSomewhere++;
        }
        // Neither empty nor full: the population spans the graph.
        assertThat(masteredSomewhere).isBetween(500 * 18 / 5, 500 * 18 * 4 / 5);
    }

    @Test
    void theSameSeedGivesTheSameLearnerAndAnswers() {
        LearnerSimulator sim = new LearnerSimulator(ks, LearnerSimulator.Population.defaults());
        SimulatedLearner a = sim.draw(42);
        SimulatedLearner b = sim.draw(42);
        assertThat(a.state()).isEqualTo(b.state());
        for (int i = 0; i < 20; i++) assertThat(a.answer("q" + i, List.of("n2"))).isEqualTo(b.answer("q" + i, List.of("n2")));
    }

    @Test
    void answersFollowSlipAndGuess() {
        LearnerSimulator sim = new LearnerSimulator(ks, new LearnerSimulator.Population(14, 1.0, 0.1, 0.1, 0.25, 0.25, 0.0));
        int knownRight = 0, known = 0, unknownRight = 0, unknown = 0;
        for (long seed = 0; seed < 300; seed++) {
            SimulatedLearner l = sim.draw(seed);
            for (int k = 0; k < 10; k++) {
                boolean r = l.answer("q" + k, List.of("n3"));
                if (l.knows("n3")) {
                    known++;
                    if (r) knownRight++;
                } else {
                    unknown++;
                    if (r) unknownRight++;
                }
            }
        }
        assertThat((double) knownRight / known).isBetween(0.86, 0.94);
        assertThat((double) unknownRight / unknown).isBetween(0.21, 0.29);
    }

    @Test
    void practiceTeachesOnlyWhatThePrerequisitesAllow() {
        LearnerSimulator sim = new LearnerSimulator(ks, new LearnerSimulator.Population(14, 1.0, 0.1, 0.1, 0.2, 0.2, 1.0));
        for (long seed = 0; seed < 200; seed++) {
            SimulatedLearner l = sim.draw(seed);
            boolean before = l.knows("n3");
            boolean ready = l.knows("n2");
            l.answer("q", List.of("n3"));
            // learn = 1: a ready learner always learns; one missing n2 never does; nobody forgets.
            assertThat(l.knows("n3")).isEqualTo(before || ready);
            assertThat(ks.feasible(l.state())).isTrue();
        }
    }
}
