package org.tutorgraph.diagnosis;

import org.junit.jupiter.api.Test;
import org.tutorgraph.kt.ConceptParams;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded, on the fixture graph: the benchmark's claims at small scale. */
class DiagnosisBenchmarkTest {

    private static DiagnosisBenchmark.Report run(long seed) {
        DiagnosisSettings settings = DiagnosisSettings.defaults().withParticles(512).withSeed(seed);
        return DiagnosisBenchmark.run(Fixtures.graph(), List.of(), ConceptParams.defaults(), settings,
                new DiagnosisBenchmark.Options(40, seed, 2, LearnerSimulator.Population.defaults()));
    }

    private static double at(DiagnosisBenchmark.Report r, int questions, String strategy) {
        return r.curve().stream().filter(p -> p.questions() == questions).findFirst().orElseThrow().accuracy().get(strategy);
    }

    @Test
    void adaptiveDiagnosisBeatsRandomOrderAtTheSameBudget() {
        DiagnosisBenchmark.Report r = run(1);
        Map<String, DiagnosisBenchmark.StrategyResult> byName = new java.util.HashMap<>();
        r.strategies().forEach(s -> byName.put(s.name(), s));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("graph-adaptive", "random-order", "independent-tracing", "full-test");
        // Budget: a quarter of 18 concepts, rounded up = 5.
        assertThat(r.budget()).isEqualTo(5);
        assertThat(byName.get("graph-adaptive").questions()).isLessThanOrEqualTo(5.0);
        assertThat(byName.get("graph-adaptive").accuracy()).isGreaterThan(byName.get("random-order").accuracy());
        assertThat(byName.get("graph-adaptive").accuracy()).isGreaterThan(byName.get("independent-tracing").accuracy());
        assertThat(byName.get("full-test").questions()).isEqualTo(18.0);
        // After 2 and after 5 questions the adaptive map is clearly better than random order's.
        assertThat(at(r, 2, "graph-adaptive")).isGreaterThan(at(r, 2, "random-order") + 0.03);
        assertThat(at(r, 5, "graph-adaptive")).isGreaterThan(at(r, 5, "random-order") + 0.02);
    }

    @Test
    void resultsDependOnlyOnTheSeed() {
        DiagnosisSettings settings = DiagnosisSettings.defaults().withParticles(128).withSeed(9);
        var options1 = new DiagnosisBenchmark.Options(6, 9, 1, LearnerSimulator.Population.defaults());
        var options2 = new DiagnosisBenchmark.Options(6, 9, 3, LearnerSimulator.Population.defaults());
        var a = DiagnosisBenchmark.run(Fixtures.graph(), List.of(), ConceptParams.defaults(), settings, options1);
        var b = DiagnosisBenchmark.run(Fixtures.graph(), List.of(), ConceptParams.defaults(), settings, options2);
        assertThat(a.strategies()).isEqualTo(b.strategies());
        assertThat(a.curve()).isEqualTo(b.curve());
    }
}
