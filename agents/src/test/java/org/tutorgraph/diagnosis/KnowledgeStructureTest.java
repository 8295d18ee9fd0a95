package org.tutorgraph.diagnosis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KnowledgeStructureTest {

    private final KnowledgeStructure ks = KnowledgeStructure.of(Fixtures.graph());

    private boolean[] state(String... mastered) {
        boolean[] s = new boolean[ks.size()];
        for (String m : mastered) s[ks.indexOf(m)] = true;
        return s;
    }

    @Test
    void feasibleStatesAreDownwardClosedUnderRequiresAndAnyOf() {
        assertThat(ks.feasible(state())).isTrue();
        assertThat(ks.feasible(state("n1", "n2", "n3"))).isTrue();
        assertThat(ks.feasible(state("n1", "n3"))).as("n3 requires n2").isFalse();
        // a1 needs f2 or n4: either route is enough, none is not.
        assertThat(ks.feasible(state("n1", "n2", "n3", "n4", "a1"))).isTrue();
        assertThat(ks.feasible(state("n1", "n2", "f1", "f2", "a1"))).isTrue();
        assertThat(ks.feasible(state("n1", "n2", "n3", "a1"))).isFalse();
    }

    @Test
    void levelsFollowTheLongestPrerequisitePath() {
        assertThat(ks.level(ks.indexOf("n1"))).isZero();
        // a3 is the deepest: n1 n2 f1 f2 a1 a2 a3 (a1 entered through its shallower alternative f2, depth 3)
        assertThat(ks.level(ks.indexOf("a3"))).isEqualTo(1.0);
        assertThat(ks.level(ks.indexOf("n2"))).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(ks.level(ks.indexOf("a1"))).isCloseTo(4.0 / 6, within(1e-12));
    }
}
