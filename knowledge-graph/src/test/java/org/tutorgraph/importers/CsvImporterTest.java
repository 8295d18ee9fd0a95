package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.importers.ImportFixtures.fixture;

class CsvImporterTest {

    private final CsvImporter csv = new CsvImporter();

    private static List<String> problems(ThrowingImport i) {
        try {
            i.run();
        } catch (ImportException e) {
            return e.problems();
        }
        throw new AssertionError("expected the import to fail");
    }

    interface ThrowingImport {
        void run() throws ImportException;
    }

    @Test
    void importsAnEdgeListAndKeepsOriginalKeysAsNames() throws ImportException {
        ImportResult r = csv.importFrom(fixture("csv/edges.csv"), ImportOptions.defaults());
        CourseGraph g = r.graph();

        assertThat(g.concepts()).extracting(Concept::id)
                .containsExactly("counting", "adding", "adding-fractions", "fractions-part-1", "the-whole-idea");
        assertThat(g.concept("fractions-part-1").name()).isEqualTo("Fractions, part 1");
        assertThat(g.concept("the-whole-idea").name()).isEqualTo("The \"whole\" idea");
        assertThat(g.requires("adding-fractions")).containsExactly("adding", "fractions-part-1");
        assertThat(g.requires("fractions-part-1")).containsExactly("the-whole-idea");
        assertThat(r.meta().id()).isEqualTo("edges");
        assertThat(r.report()).contains("3 source keys made into valid ids (the concept name keeps the original)");
        assertThat(r.dropped()).isEmpty();
        assertThat(r.cyclicComponents()).isZero();
    }

    @Test
    void readsTheConceptTableAndEdgeKinds() throws ImportException {
        ImportResult r = csv.importFrom(fixture("csv/typed-edges.csv"),
                ImportOptions.defaults().withConceptTable(fixture("csv/concepts.csv")).withCourseId("arith").withTitle("Arithmetic"));
        CourseGraph g = r.graph();

        assertThat(g.concepts()).extracting(Concept::id)
                .containsExactly("counting", "adding", "subtracting", "multiplying", "estimating");
        assertThat(g.concept("adding")).isEqualTo(new Concept("adding", "Adding", "Putting two groups together.\nWritten with +.",
                1.5, 20, "number"));
        assertThat(g.concept("subtracting").learningMinutes()).isEqualTo(Concept.DEFAULT_LEARNING_MINUTES);
        assertThat(g.requires("subtracting")).containsExactly("counting");
        assertThat(g.requires("multiplying")).containsExactly("adding");
        assertThat(g.supportsLinks()).containsExactly(new Link.Supports("adding", "subtracting", 0.8));
        assertThat(r.meta().id()).isEqualTo("arith");
        assertThat(r.meta().title()).isEqualTo("Arithmetic");
    }

    @Test
    void refusesAnEdgeToAKeyTheConceptTableLacks() {
        Path table = fixture("csv/concepts.csv");
        assertThat(problems(() -> csv.importFrom(fixture("csv-bad/table-edges.csv"), ImportOptions.defaults().withConceptTable(table))))
                .containsExactly(fixture("csv-bad/table-edges.csv") + ":3: 'countin' is not in the concept table " + table
                        + " (did you mean 'counting'?)");
    }

    @Test
    void reportsEveryBadRowWithItsLine() {
        Path f = fixture("csv-bad/rows.csv");
        assertThat(problems(() -> csv.importFrom(f, ImportOptions.defaults()))).containsExactly(
                f + ":2: unknown kind 'sometimes' (use requires or supports)",
                f + ":3: a strength only applies to kind supports",
                f + ":4: 'b' cannot be its own prerequisite",
                f + ":5: both 'prerequisite' and 'concept' are needed",
                f + ":6: strength must be a number from 0.01 to 1, found '1.5'",
                f + ":7: 5 fields but the header names 4 (quote values that contain commas)");
    }

    @Test
    void reportsBadValuesInTheConceptTable() {
        Path table = fixture("csv-bad/table.csv");
        assertThat(problems(() -> csv.importFrom(fixture("csv/edges.csv"), ImportOptions.defaults().withConceptTable(table))))
                .startsWith(
                        table + ":2: difficulty must be a number from 1 to 5, found 'hard'",
                        table + ":3: minutes must be a number from 0.1 to 1000000, found '-5'",
                        table + ":4: duplicate concept id 'counting'");
    }

    @Test
    void checksTheHeader() {
        Path unknown = fixture("csv-bad/edges.csv");
        assertThat(problems(() -> csv.importFrom(unknown, ImportOptions.defaults()))).containsExactly(
                unknown + ":1: unknown column 'weight' (known columns: prerequisite, concept, kind, strength)");
        Path wrong = fixture("csv-bad/wrong-header.csv");
        assertThat(problems(() -> csv.importFrom(wrong, ImportOptions.defaults()))).containsExactly(
                wrong + ":1: unknown column 'prerequisite_of' (known columns: prerequisite, concept, kind, strength)",
                wrong + ":1: missing column 'prerequisite' (the header must name prerequisite, concept)");
    }

    @Test
    void reportsCsvSyntaxErrorsAndNonUtf8Bytes() {
        Path unclosed = fixture("csv-bad/unclosed.csv");
        assertThat(problems(() -> csv.importFrom(unclosed, ImportOptions.defaults()))).containsExactly(
                unclosed + ":3: CSV syntax error in the record starting here: Missing closing quote for value");
        Path latin1 = fixture("csv-bad/latin1.csv");
        assertThat(problems(() -> csv.importFrom(latin1, ImportOptions.defaults()))).containsExactly(
                latin1 + ":3: file is not valid UTF-8 (first bad byte at offset 28); save it as UTF-8");
        assertThat(problems(() -> csv.importFrom(fixture("csv").resolve("missing.csv"), ImportOptions.defaults())))
                .singleElement().asString().endsWith("missing.csv: file not found");
    }

    @Test
    void refusesACyclicSourceListingEveryCycleWithItsLines() {
        Path f = fixture("csv/cycle.csv");
        assertThat(problems(() -> csv.importFrom(f, ImportOptions.defaults()))).containsExactly(
                "cycle component 1 of 2: 3 concepts (a, b, c), 3 prerequisite edges:",
                "  " + f + ":2: a -requires-> b",
                "  " + f + ":3: b -requires-> c",
                "  " + f + ":4: c -requires-> a",
                "  cycle: a -> b -> c -> a",
                "cycle component 2 of 2: 2 concepts (d, e), 2 prerequisite edges:",
                "  " + f + ":6: d -requires-> e",
                "  " + f + ":7: e -requires-> d",
                "  cycle: d -> e -> d",
                "the source's prerequisite edges contain cycles (2 cyclic components, 2 simple cycles); refusing to import."
                        + " Fix the source, or re-run with --break-cycles to drop edges (each dropped edge is reported)");
    }

    @Test
    void breaksCyclesWhenAskedAndReportsEveryDroppedEdge() throws ImportException {
        Path f = fixture("csv/cycle.csv");
        ImportResult r = csv.importFrom(f, ImportOptions.defaults().withBreakCycles(true));

        assertThat(r.dropped()).extracting(DroppedEdge::toString).containsExactly(
                f + ":6: dropped d -requires-> e (mutual pair: e -> d is stated too, so no order is attested)",
                f + ":7: dropped e -requires-> d (mutual pair: d -> e is stated too, so no order is attested)",
                f + ":4: dropped c -requires-> a (minimum feedback arc set of the cycle among a, b, c)");
        assertThat(r.graph().requiresLinks()).containsExactly(
                new Link.Requires("a", "b"), new Link.Requires("b", "c"), new Link.Requires("c", "d"));
        assertThat(r.graph().supportsLinks()).containsExactly(new Link.Supports("d", "e", 0.5), new Link.Supports("e", "d", 0.5));
        assertThat(r.cyclicComponents()).isEqualTo(2);
        assertThat(r.simpleCycles()).isEqualTo(2);
        assertThat(r.report()).contains("3 prerequisite edges dropped to break the cycles:", "  " + r.dropped().get(2));
    }

    @Test
    void refusesAnInvalidCourseId() {
        assertThat(problems(() -> csv.importFrom(fixture("csv/edges.csv"), ImportOptions.defaults().withCourseId("my course"))))
                .singleElement().asString().startsWith("course id 'my course' must start with");
    }

    @Test
    void theSameSourceAlwaysGivesTheSameGraph() throws ImportException {
        ImportResult a = csv.importFrom(fixture("csv/edges.csv"), ImportOptions.defaults());
        ImportResult b = csv.importFrom(fixture("csv/edges.csv"), ImportOptions.defaults());
        assertThat(a.graph().concepts()).isEqualTo(b.graph().concepts());
        assertThat(a.graph().requiresLinks()).isEqualTo(b.graph().requiresLinks());
    }

    @Test
    void theExceptionMessageListsTheProblems() {
        assertThatThrownBy(() -> csv.importFrom(fixture("csv-bad/rows.csv"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessageContaining("unknown kind 'sometimes'");
    }
}
