package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.importers.ImportFixtures.fixture;

class CcssmImporterTest {

    private final CcssmImporter ccssm = new CcssmImporter();

    @Test
    void mapsDependenciesToRequiresAndConnectionsToSupports() throws ImportException {
        ImportResult r = ccssm.importFrom(fixture("ccssm"), ImportOptions.defaults());
        CourseGraph g = r.graph();

        assertThat(g.concepts()).extracting(Concept::id)
                .containsExactly("K.CC.A.1", "1.NBT.A.1", "6.EE.A.2.a", "HSA.SSE.A.1", "K.CC.B.4", "HSF.IF.A.1");
        assertThat(g.requiresLinks()).containsExactly(new Link.Requires("K.CC.A.1", "1.NBT.A.1"),
                new Link.Requires("1.NBT.A.1", "6.EE.A.2.a"), new Link.Requires("6.EE.A.2.a", "HSA.SSE.A.1"),
                new Link.Requires("HSA.SSE.A.1", "HSF.IF.A.1"));
        assertThat(g.supportsLinks()).containsExactly(new Link.Supports("K.CC.A.1", "K.CC.B.4", 0.5));
        assertThat(r.report()).contains("ccssm-dependencies.csv:7: skipped 1.NBT.A.1 -requires-> 1.NBT.A.1 (a concept cannot need itself)");
    }

    @Test
    void matchesHighSchoolCodesAgainstTheSplitColumnsOfTheHsTable() throws ImportException {
        CourseGraph g = ccssm.importFrom(fixture("ccssm"), ImportOptions.defaults()).graph();
        Concept hs = g.concept("HSA.SSE.A.1");
        assertThat(hs.name()).isEqualTo("Interpret expressions that represent a quantity in terms of its context.");
        assertThat(hs.area()).isEqualTo("SSE");
        assertThat(hs.difficulty()).isEqualTo(5.0);
    }

    @Test
    void fallsBackToTheParentStandardAndReportsHowEachCodeMatched() throws ImportException {
        ImportResult r = ccssm.importFrom(fixture("ccssm/ccssm-dependencies.csv"), ImportOptions.defaults());
        Concept sub = r.graph().concept("6.EE.A.2.a");
        assertThat(sub.name()).isEqualTo("Write, read, and evaluate expressions in which letters stand for numbers.");
        assertThat(sub.description()).endsWith("Common Core 6.EE.A.2.a (grade 6); text of its parent standard 6.EE.A.2.");
        assertThat(sub.difficulty()).isEqualTo(3.7); // 1 + 4·6/9
        assertThat(sub.area()).isEqualTo("EE");
        Concept unknown = r.graph().concept("HSF.IF.A.1");
        assertThat(unknown.name()).isEqualTo("HSF.IF.A.1");
        assertThat(unknown.area()).isEqualTo("IF");
        assertThat(r.report()).contains(
                "standard texts: 4 matched exactly, 1 by their parent standard, 1 not found (named by their code)",
                "7 rows in the standards tables, 3 of them not in the edge file (not imported)");
    }

    @Test
    void difficultyRisesWithTheGrade() throws ImportException {
        CourseGraph g = ccssm.importFrom(fixture("ccssm"), ImportOptions.defaults()).graph();
        assertThat(g.concept("K.CC.A.1").difficulty()).isEqualTo(1.0);
        assertThat(g.concept("1.NBT.A.1").difficulty()).isEqualTo(1.4);
        assertThat(g.concept("K.CC.B.4").name()).isEqualTo(
                "Understand the relationship between numbers and quantities; connect counting to…");
    }

    @Test
    void normalisesCodes() {
        assertThat(CcssmImporter.normalise(" hsa-sse.a.1 ")).isEqualTo("HSA.SSE.A.1");
        assertThat(CcssmImporter.grade("HSF.IF.A.1")).contains(9);
        assertThat(CcssmImporter.grade("K.CC.A.1")).contains(0);
        assertThat(CcssmImporter.grade("9.X.A.1")).isEmpty();
    }
}
