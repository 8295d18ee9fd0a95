package org.tutorgraph.prompts.tournament;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.BundledCourse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CasesTest {

    static final Path FIXTURES = Path.of("src/test/resources/prompt-fixtures/cases");
    /** The sample case file shipped in the repository's prompts/ folder. */
    static final Path SHIPPED_SAMPLE = Path.of("..", "prompts", "tournament", "algebra-cases.yaml");

    @Test
    void courseCasesCycleThroughEveryRungWithTheMisconceptionsWrongAnswer() {
        List<TournamentCase> cases = CourseCases.fromCourse(BundledCourse.load(), 8);
        assertThat(cases).hasSize(8);
        assertThat(cases).map(c -> c.situation().rung()).containsExactly(
                Rung.ORIENT, Rung.PROBE, Rung.SCAFFOLD, Rung.BOTTOM_OUT, Rung.ORIENT, Rung.PROBE, Rung.SCAFFOLD, Rung.BOTTOM_OUT);
        TournamentCase first = cases.get(0);
        assertThat(first.id()).isEqualTo("int-add-1-orient");
        assertThat(first.situation().attempt()).isEqualTo("19");
        assertThat(first.situation().misconception()).isEqualTo("Adds the sizes and ignores the signs.");
        assertThat(first.situation().mastery()).isEqualTo("Adding integers: not yet mastered (0.30)");
        assertThat(cases.get(2).situation().dialogue()).contains("Tutor: What is").contains("\nStudent: ");
        assertThat(cases).map(TournamentCase::id).doesNotHaveDuplicates();
    }

    @Test
    void theShippedSampleIsExactlyWhatTheBundledCourseProduces() throws Exception {
        List<TournamentCase> cases = CourseCases.fromCourse(BundledCourse.load(), CourseCases.SAMPLE_SIZE);
        String expected = CaseFile.write(CourseCases.description(BundledCourse.load(), CourseCases.SAMPLE_SIZE), cases);
        assertThat(Files.readString(SHIPPED_SAMPLE)).isEqualTo(expected);
        assertThat(CaseFile.read(SHIPPED_SAMPLE)).isEqualTo(cases);
    }

    @Test
    void caseFilesRoundTrip(@TempDir Path tmp) throws Exception {
        List<TournamentCase> cases = CourseCases.fromCourse(BundledCourse.load(), 5);
        Path file = tmp.resolve("c.yaml");
        CaseFile.write(file, "five cases", cases);
        assertThat(CaseFile.read(file)).isEqualTo(cases);
    }

    @Test
    void badCaseFileListsEveryProblemWithItsLine() {
        Path file = FIXTURES.resolve("bad-cases.yaml");
        assertThatThrownBy(() -> CaseFile.read(file)).isInstanceOfSatisfying(CaseFileException.class, e ->
                assertThat(e.problems()).containsExactly(
                        file + ":7: case two: unknown rung 'sideways' (orient, probe, scaffold or bottom-out)",
                        file + ":10: duplicate case id 'one'",
                        file + ":17: unknown case field 'atempt' (known: id, rung, language, course, concept, conceptDescription, "
                                + "item, choices, answer, attempt, misconception, misconceptionProbe, rungText, mastery, dialogue)"));
    }

    @Test
    void mathDialDialoguesBecomeCasesCutAtTheFirstScaffoldingMoveAfterTheStudentSpeaks() throws Exception {
        MathDialCases.Result r = MathDialCases.read(FIXTURES.resolve("mathdial-sample.jsonl"), 0, 1);
        assertThat(r.dialogues()).isEqualTo(4);
        assertThat(r.skipped()).hasSize(2).anyMatch(s -> s.endsWith(":2: no focus or probing teacher turn after the student's first turn"))
                .anyMatch(s -> s.endsWith(":3: not JSON"));
        assertThat(r.cases()).map(TournamentCase::id).containsExactly("mathdial-101", "mathdial-103");
        var apples = r.cases().get(0).situation();
        assertThat(apples.rung()).isEqualTo(Rung.PROBE);
        assertThat(apples.rungText()).isEqualTo("How many apples are in one bag, and how many bags are there?");
        assertThat(apples.answer()).isEqualTo("10");
        assertThat(apples.attempt()).isEqualTo("5");
        assertThat(apples.misconception()).isEqualTo("added the bags and apples instead of multiplying");
        assertThat(apples.mastery()).startsWith("Lee is a 6th grade student");
        assertThat(apples.dialogue()).isEqualTo("Student (written solution): Tom has 3 + 4 = 7 apples. He eats 2, so 7 - 2 = 5. 5\n"
                + "Tutor: Hi Lee, walk me through your answer.\nStudent: I added 3 and 4 to get 7 apples, then took away 2.");
        var pages = r.cases().get(1).situation();
        assertThat(pages.rung()).isEqualTo(Rung.ORIENT);
        assertThat(pages.rungText()).isEqualTo("Right. And for how many days does she read 5 pages?");
        assertThat(pages.answer()).isEqualTo("30");
        assertThat(pages.vars()).doesNotContainKey("answer");
    }

    @Test
    void mathDialLimitPicksASeededSubsetInFileOrder() throws Exception {
        MathDialCases.Result one = MathDialCases.read(FIXTURES.resolve("mathdial-sample.jsonl"), 1, 5);
        MathDialCases.Result again = MathDialCases.read(FIXTURES.resolve("mathdial-sample.jsonl"), 1, 5);
        assertThat(one.cases()).hasSize(1).isEqualTo(again.cases());
    }

    @Test
    void finalNumberReadsWorkedSolutions() {
        assertThat(MathDialCases.finalNumber("a\n b 12+3=15\n 10")).isEqualTo("10");
        assertThat(MathDialCases.finalNumber("x\n#### 1,250")).isEqualTo("1250");
        assertThat(MathDialCases.finalNumber("The total is $45.50")).isEqualTo("45.50");
    }
}
