package org.tutorgraph.diagnosis;

import org.junit.jupiter.api.Test;
import org.tutorgraph.kt.ConceptParams;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParticleBeliefTest {

    private final KnowledgeStructure ks = KnowledgeStructure.of(Fixtures.graph());
    private final DiagnosisSettings settings = DiagnosisSettings.defaults();

    private ParticleBelief belief(long seed) {
        return new ParticleBelief(ks, new LevelPrior(ks, settings.steepness()), 1024, new SplittableRandom(seed));
    }

    private Probe probe(String concept) {
        return Probes.abstractProbe(0, ks, ks.indexOf(concept), ConceptParams.defaults(), 3);
    }

    private double p(ParticleBelief b, String concept) {
        return b.marginal(ks.indexOf(concept));
    }

    @Test
    void everyParticleStaysFeasibleThroughAnswers() {
        ParticleBelief b = belief(1);
        assertThat(b.consistent()).isTrue();
        String[] asked = {"a3", "n2", "g4", "f1", "s3", "n4", "a1"};
        boolean[] answers = {true, false, true, true, false, false, true};
        for (int i = 0; i < asked.length; i++) {
            b.observe(probe(asked[i]), answers[i], 12);
            assertThat(b.consistent()).as("after answer %d", i).isTrue();
        }
    }

    @Test
    void aConceptIsNeverMoreLikelyThanItsPrerequisite() {
        ParticleBelief b = belief(2);
        b.observe(probe("g4"), true, 12);
        b.observe(probe("n2"), false, 12);
        for (int c = 0; c < ks.size(); c++) {
            for (int parent : ks.requires(c)) assertThat(b.count(c)).isLessThanOrEqualTo(b.count(parent));
        }
    }

    @Test
    void successOnADeepConceptRaisesItsPrerequisites() {
        ParticleBelief b = belief(3);
        java.util.Map<String, Double> before = new java.util.HashMap<>();
        List<String> prerequisites = List.of("a2", "f3", "a1", "f2", "n3", "n1");
        for (String c : prerequisites) before.put(c, p(b, c));
        double a3 = p(b, "a3");
        b.observe(probe("a3"), true, 12);
        b.observe(probe("a3"), true, 12);
        assertThat(p(b, "a3")).isGreaterThan(a3 + 0.3);
        // a3 requires a2 and f3, which require a1, f2 and n3: every prerequisite rises and stays above a3.
        for (String c : prerequisites) {
            assertThat(p(b, c)).as(c).isGreaterThan(before.get(c)).isGreaterThanOrEqualTo(p(b, "a3"));
        }
    }

    @Test
    void failingAPrerequisiteEmptiesItsDependents() {
        ParticleBelief b = belief(4);
        double before = p(b, "n5");
        b.observe(probe("n2"), false, 12);
        b.observe(probe("n2"), false, 12);
        assertThat(p(b, "n2")).isLessThan(0.2);
        assertThat(p(b, "n5")).isLessThan(before);
        assertThat(p(b, "n5")).isLessThanOrEqualTo(p(b, "n2"));
        assertThat(p(b, "s3")).isLessThanOrEqualTo(p(b, "n2"));
    }

    @Test
    void softEvidenceAloneMovesTheMarginalToTheGivenPosterior() {
        ParticleBelief b = belief(5);
        int c = ks.indexOf("n3");
        double p0 = (b.count(c) + 0.5) / 1025.0;
        double target = 0.9;
        b.addSoftEvidence(c, Math.log(target / (1 - target)) - Math.log(p0 / (1 - p0)));
        b.settle(12);
        assertThat(b.marginal(c)).isCloseTo(target, within(0.06));
    }

    @Test
    void informationGainIsNeverNegativeAndVanishesOnCertainConcepts() {
        ParticleBelief b = belief(6);
        long[] scratch = new long[16];
        double base = InformationGain.mapEntropy(b);
        for (int c = 0; c < ks.size(); c++) assertThat(InformationGain.gain(b, probe(ks.id(c)), scratch, base)).isGreaterThanOrEqualTo(-1e-6);
        for (int k = 0; k < 6; k++) b.observe(probe("n1"), true, 12);
        if (b.count(ks.indexOf("n1")) == b.particles()) {
            assertThat(InformationGain.gain(b, probe("n1"), scratch, InformationGain.mapEntropy(b))).isZero();
        }
        assertThat(InformationGain.entropy(0.3)).isCloseTo(InformationGain.exact(0.3), within(1e-4));
    }

    @Test
    void aQuestionOnSeveralConceptsNeedsAllOfThem() {
        ParticleBelief b = belief(7);
        Probe both = new Probe(0, new Question("x", List.of("g2", "s1"), java.util.Optional.empty()),
                new int[]{ks.indexOf("g2"), ks.indexOf("s1")}, 0.1, 0.2, 1);
        b.observe(both, true, 12);
        b.observe(both, true, 12);
        assertThat(p(b, "g2")).isGreaterThan(0.8);
        assertThat(p(b, "s1")).isGreaterThan(0.8);
        assertThat(b.consistent()).isTrue();
    }
}
