package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.importers.ImportFixtures.fixture;

class LectureBankImporterTest {

    private final LectureBankImporter lectureBank = new LectureBankImporter();

    @Test
    void refusesTheCyclicAnnotationsAndReportsEveryCycle() {
        assertThatThrownBy(() -> lectureBank.importFrom(fixture("lecturebank"), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "cycle component 1 of 2: 4 concepts (neural-networks, backpropagation, attention, transformers), 5 prerequisite edges:",
                        "  prerequisite_annotation.csv:1: neural-networks -requires-> backpropagation",
                        "  prerequisite_annotation.csv:3: backpropagation -requires-> transformers",
                        "  prerequisite_annotation.csv:4: transformers -requires-> neural-networks",
                        "  prerequisite_annotation.csv:5: attention -requires-> transformers",
                        "  prerequisite_annotation.csv:7: transformers -requires-> attention",
                        "  cycle: attention -> transformers -> attention",
                        "  cycle: neural-networks -> backpropagation -> transformers -> neural-networks",
                        "cycle component 2 of 2: 2 concepts (bleu, machine-translation), 2 prerequisite edges:",
                        "  prerequisite_annotation.csv:8: bleu -requires-> machine-translation",
                        "  prerequisite_annotation.csv:9: machine-translation -requires-> bleu",
                        "  cycle: bleu -> machine-translation -> bleu",
                        "the source's prerequisite edges contain cycles (2 cyclic components, 3 simple cycles); refusing to import."
                                + " Fix the source, or re-run with --break-cycles to drop edges (each dropped edge is reported)"));
    }

    @Test
    void breaksTheCyclesWhenAsked() throws ImportException {
        ImportResult r = lectureBank.importFrom(fixture("lecturebank"), ImportOptions.defaults().withBreakCycles(true));

        assertThat(r.dropped()).extracting(DroppedEdge::toString).containsExactly(
                "prerequisite_annotation.csv:5: dropped attention -requires-> transformers (mutual pair: transformers -> attention is stated too, so no order is attested)",
                "prerequisite_annotation.csv:7: dropped transformers -requires-> attention (mutual pair: attention -> transformers is stated too, so no order is attested)",
                "prerequisite_annotation.csv:8: dropped bleu -requires-> machine-translation (mutual pair: machine-translation -> bleu is stated too, so no order is attested)",
                "prerequisite_annotation.csv:9: dropped machine-translation -requires-> bleu (mutual pair: bleu -> machine-translation is stated too, so no order is attested)",
                "prerequisite_annotation.csv:4: dropped transformers -requires-> neural-networks (minimum feedback arc set of the cycle among neural-networks, backpropagation, transformers)");
        assertThat(r.graph().requiresLinks()).containsExactly(new Link.Requires("neural-networks", "backpropagation"),
                new Link.Requires("backpropagation", "transformers"),
                new Link.Requires("information-theory-coding-compression-entropy", "bleu"));
        assertThat(r.graph().supportsLinks()).hasSize(4).contains(new Link.Supports("bleu", "machine-translation", 0.5));
    }

    @Test
    void readsTopicsRepairingUnquotedCommasAndReportsWhatItSkipped() throws ImportException {
        ImportResult r = lectureBank.importFrom(fixture("lecturebank"), ImportOptions.defaults().withBreakCycles(true));

        assertThat(r.graph().concepts()).extracting(Concept::id).containsExactly("neural-networks", "backpropagation", "bleu",
                "machine-translation", "information-theory-coding-compression-entropy", "attention", "transformers");
        assertThat(r.graph().concept("bleu").description()).isEqualTo("Wikipedia: https://en.wikipedia.org/wiki/BLEU");
        assertThat(r.graph().concept("attention").description()).isEmpty();
        assertThat(r.graph().concept("information-theory-coding-compression-entropy").name())
                .isEqualTo("Information Theory: coding, compression, entropy");
        assertThat(r.report()).contains(
                "208topics.csv:5: repaired a row of 6 fields: topic 5 is 'Information Theory: coding, compression, entropy'",
                "1 pair labelled both 0 and 1: kept as prerequisites",
                "1 positive pair skipped: they name topics missing from 208topics.csv (ids 9)");
    }
}
