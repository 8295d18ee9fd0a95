package org.tutorgraph.diagnosis;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.kt.ConceptParams;
import org.tutorgraph.kt.Tracer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisSessionTest {

    private final Diagnostician diagnostician = new Diagnostician(DiagnosisSettings.defaults().withSeed(3), ConceptParams.defaults());

    @Test
    void proposesTheSameQuestionUntilItIsAnswered() {
        DiagnosisSession s = diagnostician.startDiagnosis(Fixtures.graph(), PriorEvidence.none());
        Question q = s.nextQuestion().orElseThrow();
        assertThat(s.nextQuestion()).contains(q);
        assertThat(q.isAbstractProbe()).isTrue();
        s.observe(q, true);
        assertThat(s.questionsAsked()).isEqualTo(1);
        assertThat(s.mastery().get(q.concept()).evidence().answers()).isEqualTo(1);
    }

    @Test
    void theFirstQuestionIsNeitherTheEasiestNorTheHardest() {
        DiagnosisSession s = diagnostician.startDiagnosis(Fixtures.chain(15), PriorEvidence.none());
        int i = Integer.parseInt(s.nextQuestion().orElseThrow().concept().substring(1));
        // On a chain, information is best sought near the middle (a half-split, as in ALEKS).
        assertThat(i).isBetween(3, 11);
    }

    @Test
    void stopsAtTheBudget() {
        Diagnostician d = new Diagnostician(DiagnosisSettings.defaults().withMaxQuestions(3).withTargetAccuracy(1.5), ConceptParams.defaults());
        DiagnosisSession s = d.startDiagnosis(Fixtures.graph(), PriorEvidence.none());
        for (int i = 0; i < 3; i++) s.observe(s.nextQuestion().orElseThrow(), i % 2 == 0);
        assertThat(s.isComplete()).isTrue();
        assertThat(s.nextQuestion()).isEmpty();
    }

    @Test
    void stopsWhenTheEstimatedAccuracyReachesTheTarget() {
        Diagnostician d = new Diagnostician(DiagnosisSettings.defaults().withTargetAccuracy(0.8).withMaxQuestions(18), ConceptParams.defaults());
        DiagnosisSession s = d.startDiagnosis(Fixtures.graph(), PriorEvidence.none());
        int asked = 0;
        while (s.nextQuestion().isPresent()) {
            s.observe(s.nextQuestion().get(), true);
            asked++;
        }
        assertThat(s.estimatedAccuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(asked).isLessThan(18);
    }

    @Test
    void asksItemsOnceAndProbesConceptsWithoutItems() {
        CoursePack pack = new CoursePack(new CourseMeta("mini", "Mini", "en", "", "1"), Fixtures.graph(),
                List.of(Fixtures.item("i-n2", "n2"), Fixtures.item("i-n3", "n3"), Fixtures.item("i-g2s1", "g2", "s1")), null);
        DiagnosisSession s = new Diagnostician(DiagnosisSettings.defaults().withMaxQuestions(40).withTargetAccuracy(1.5), ConceptParams.defaults())
                .startDiagnosis(pack, PriorEvidence.none());
        java.util.Set<String> itemsAsked = new java.util.HashSet<>();
        while (s.nextQuestion().isPresent()) {
            Question q = s.nextQuestion().get();
            if (q.item().isPresent()) {
                assertThat(itemsAsked.add(q.id())).as("item %s asked twice", q.id()).isTrue();
                assertThat(q.concepts()).isEqualTo(q.item().get().concepts());
            } else {
                assertThat(q.concept()).isNotIn("n2", "n3");
            }
            s.observe(q, false);
        }
    }

    @Test
    void priorAnswersArePropagatedToPrerequisites() {
        Map<String, ConceptMastery> fresh = diagnostician.startDiagnosis(Fixtures.graph(), PriorEvidence.none()).mastery();
        DiagnosisSession informed = diagnostician.startDiagnosis(Fixtures.graph(),
                new PriorEvidence(List.of(new PriorEvidence.PastAnswer(List.of("g4"), true),
                        new PriorEvidence.PastAnswer(List.of("g4"), true)), Map.of()));
        Map<String, ConceptMastery> m = informed.mastery();
        for (String prerequisite : List.of("g3", "g2", "g1", "n3", "n1")) {
            assertThat(m.get(prerequisite).posterior()).as(prerequisite).isGreaterThan(fresh.get(prerequisite).posterior());
            assertThat(m.get(prerequisite).posterior()).as(prerequisite).isGreaterThanOrEqualTo(m.get("g4").posterior());
        }
        assertThat(informed.questionsAsked()).isZero();
    }

    @Test
    void priorPosteriorsAreSoftEvidencePropagatedToDependents() {
        Map<String, ConceptMastery> fresh = diagnostician.startDiagnosis(Fixtures.graph(), PriorEvidence.none()).mastery();
        Map<String, ConceptMastery> m = diagnostician.startDiagnosis(Fixtures.graph(),
                new PriorEvidence(List.of(), Map.of("s1", 0.05))).mastery();
        assertThat(m.get("s1").posterior()).isBetween(0.01, 0.12);
        assertThat(m.get("s2").posterior()).isLessThan(fresh.get("s2").posterior()).isLessThanOrEqualTo(m.get("s1").posterior());
        assertThat(m.get("s3").posterior()).isLessThan(fresh.get("s3").posterior());
    }

    @Test
    void answersToQuestionsItDidNotProposeCountToo() {
        DiagnosisSession s = diagnostician.startDiagnosis(Fixtures.graph(), PriorEvidence.none());
        double before = s.mastery().get("f3").posterior();
        s.observe("f3", true);
        s.observe(new Question("elsewhere", List.of("f3"), Optional.empty()), true);
        assertThat(s.mastery().get("f3").posterior()).isGreaterThan(before);
        assertThat(s.mastery().get("f3").evidence().correct()).isEqualTo(2);
        assertThat(s.mastery().get("f3").inferred()).isFalse();
        assertThat(s.mastery().get("n1").inferred()).isTrue();
    }

    @Test
    void theTracerContinuesFromTheDiagnosis() {
        Diagnostician d = new Diagnostician(DiagnosisSettings.defaults(), new ConceptParams(Map.of("n2", BktParams.of(0.5, 0.3, 0.1, 0.2)), BktParams.DEFAULT));
        DiagnosisSession s = d.startDiagnosis(Fixtures.graph(), PriorEvidence.none());
        s.observe("n2", false);
        s.observe("n2", false);
        Map<String, ConceptMastery> m = s.mastery();
        Tracer t = d.tracer(m);
        assertThat(t.mastery("n2").posterior()).isEqualTo(m.get("n2").posterior());
        double after = t.observe("n2", true).posterior();
        assertThat(after).isGreaterThan(m.get("n2").posterior());
        assertThat(t.mastery("n2").evidence().answers()).isEqualTo(3);
    }

    @Test
    void everyStrategyProducesAFullMap() {
        for (Strategy strategy : Strategy.values()) {
            DiagnosisSession s = diagnostician.start(Fixtures.graph(), List.of(), PriorEvidence.none(), strategy);
            for (int i = 0; i < 4 && s.nextQuestion().isPresent(); i++) s.observe(s.nextQuestion().get(), i % 2 == 0);
            assertThat(s.mastery()).as(strategy.label()).hasSize(18);
            assertThat(s.questionsAsked()).isEqualTo(4);
        }
    }

    @Test
    void readsThePacksTracingJsonWhenPresent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CoursePack pack = new CoursePack(new CourseMeta("mini", "Mini", "en", "", "1"), Fixtures.graph(), List.of(), dir);
        assertThat(Diagnostician.forPack(pack, DiagnosisSettings.defaults()).params().hasOwn("n2")).isFalse();
        org.tutorgraph.kt.TracingFile.write(dir, Map.of("n2", BktParams.of(0.5, 0.1, 0.02, 0.3)), Map.of("n2", "skill-7"));
        Diagnostician d = Diagnostician.forPack(pack, DiagnosisSettings.defaults());
        assertThat(d.params().of("n2").slip()).isEqualTo(0.02);
        assertThat(d.params().of("n3")).isEqualTo(BktParams.DEFAULT);
        java.nio.file.Files.writeString(dir.resolve("tracing.json"), "{\"concepts\": {\"n2\": {\"prior\": 2}}}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Diagnostician.forPack(pack, DiagnosisSettings.defaults()))
                .isInstanceOf(org.tutorgraph.kt.LogFormatException.class).hasMessageContaining("concept n2");
    }
}
