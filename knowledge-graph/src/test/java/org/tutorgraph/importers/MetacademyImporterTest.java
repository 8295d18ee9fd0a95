package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.importers.ImportFixtures.fixture;

class MetacademyImporterTest {

    private final MetacademyImporter metacademy = new MetacademyImporter();

    @Test
    void mapsConceptsAndDependencies() throws ImportException {
        ImportResult r = metacademy.importFrom(fixture("metacademy"), ImportOptions.defaults());
        CourseGraph g = r.graph();

        assertThat(g.concepts()).extracting(Concept::id).containsExactly("vectors", "dot_product", "k3");
        Concept dot = g.concept("dot_product");
        assertThat(dot.name()).isEqualTo("Dot product");
        assertThat(dot.learningMinutes()).isEqualTo(76); // 1.26 hours
        assertThat(dot.area()).isEqualTo("Linear Algebra");
        assertThat(dot.description()).isEqualTo("Multiplying two vectors to get a number.\n\nWhy its prerequisites:\n"
                + "- Vectors: The dot product is defined on vectors.");
        assertThat(dot.difficulty()).isEqualTo(Concept.DEFAULT_DIFFICULTY);
        Concept projections = g.concept("k3"); // no tag: keyed by its pk
        assertThat(projections.name()).isEqualTo("Projections");
        assertThat(projections.learningMinutes()).isEqualTo(Concept.DEFAULT_LEARNING_MINUTES);
        assertThat(g.requires("dot_product")).containsExactly("vectors");
        assertThat(g.requires("k3")).containsExactly("dot_product");
        assertThat(r.meta().id()).isEqualTo("metacademy");
        assertThat(r.report()).contains(
                "graph_data.json:12 (record 7, pk k9k3): skipped dependency k9 -> k3 (names a concept the file does not have)",
                "ignored other records: graph.goal 2",
                "1 concept without learn_time got the default 30 minutes");
    }

    @Test
    void acceptsTheFileAsWellAsItsFolder() throws ImportException {
        ImportResult r = metacademy.importFrom(fixture("metacademy/graph_data.json"), ImportOptions.defaults());
        assertThat(r.graph().size()).isEqualTo(3);
    }

    @Test
    void reportsJsonSyntaxErrorsWithLineAndColumn() {
        Path f = fixture("metacademy/broken.json");
        assertThatThrownBy(() -> metacademy.importFrom(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith(f + ":3:34: JSON syntax error: Unexpected character"));
    }

    @Test
    void refusesAFileThatIsNotARecordList() {
        Path f = fixture("metacademy/not-a-list.json");
        assertThatThrownBy(() -> metacademy.importFrom(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems())
                        .containsExactly(f + ":1: expected a JSON list of fixture records ([{\"model\": …}, …])"));
    }

    @Test
    void saysWhatAFolderShouldHold() {
        assertThatThrownBy(() -> metacademy.importFrom(fixture("ccssm"), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .endsWith("graph_data.json: file not found; the Metacademy folder must hold graph_data.json"));
    }
}
