package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadersTest {

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(ReadersTest.class.getResource("/kt/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "student/skill/0-1" per response, in log order. */
    static List<String> rows(ResponseLog log) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            out.add(log.studentName(log.studentOf(i)) + "/" + log.skillName(log.skillOf(i)) + "/" + (log.isCorrect(i) ? 1 : 0));
        }
        return out;
    }

    private static LogFormatException failure(LogReader reader, String name) {
        Path file = fixture(name);
        try {
            reader.read(file);
        } catch (LogFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected " + name + " to be rejected");
    }

    @Test
    void readsDktBlocksWithTrailingCommasAndBlankLines() throws Exception {
        ResponseLog log = new DktReader().read(fixture("dkt-ok.csv"));
        assertThat(rows(log)).containsExactly("0/1/0", "0/1/1", "0/2/1", "1/2/1", "1/2/1");
        assertThat(log.studentCount()).isEqualTo(2);
    }

    @Test
    void dktCountMismatchNamesTheLineAndTheCount() {
        LogFormatException e = failure(new DktReader(), "dkt-count-mismatch.csv");
        assertThat(e.problems()).extracting(LogProblem::toString)
                .containsExactly(fixture("dkt-count-mismatch.csv") + ":5: 3 skill ids, but line 4 says 2 responses");
    }

    @Test
    void dktAnswerMustBeZeroOrOne() {
        LogFormatException e = failure(new DktReader(), "dkt-bad-answer.csv");
        assertThat(e.getMessage()).endsWith("dkt-bad-answer.csv:3: answer 2 must be 0 or 1, got 'yes'");
    }

    @Test
    void dktTruncatedBlockIsReported() {
        LogFormatException e = failure(new DktReader(), "dkt-truncated.csv");
        assertThat(e.getMessage()).contains(":1: the file ends inside the block starting here: expected a line of 0/1 answers");
    }

    @Test
    void aCsvGivenAsDktSaysWhatItExpected() {
        LogFormatException e = failure(new DktReader(), "dkt-wrong-format.csv");
        assertThat(e.getMessage()).contains(":1: expected the number of responses of a student")
                .contains("'order_id,skill_name,correct,user_id'");
    }

    @Test
    void readsPyBktRowsSortedByOrderIdWithQuotedNamesAndExtraColumns() throws Exception {
        ResponseLog log = new PyBktReader().read(fixture("pybkt-ok.csv"));
        assertThat(rows(log)).containsExactly("bob/Slope/0", "alice/Fractions, adding/0", "bob/Slope/1",
                "alice/Slope/1", "alice/Fractions, adding/1");
    }

    @Test
    void readsPyBktTabSeparated() throws Exception {
        assertThat(rows(new PyBktReader().read(fixture("pybkt-tabs.tsv")))).containsExactly("u/A/1", "u/A/0");
    }

    @Test
    void pyBktBadRowsAreEachReportedWithTheirLine() {
        LogFormatException e = failure(new PyBktReader(), "pybkt-bad-rows.csv");
        assertThat(e.problems()).extracting(LogProblem::toString).containsExactly(
                fixture("pybkt-bad-rows.csv") + ":3: order_id must be a number, got 'two'",
                fixture("pybkt-bad-rows.csv") + ":4: correct must be 0 or 1, got '2'",
                fixture("pybkt-bad-rows.csv") + ":5: skill_name is empty",
                fixture("pybkt-bad-rows.csv") + ":6: expected at least 4 fields, found 3");
    }

    @Test
    void pyBktMissingColumnListsTheHeader() {
        LogFormatException e = failure(new PyBktReader(), "pybkt-missing-column.csv");
        assertThat(e.getMessage()).contains(":1: missing column skill_name (the header has: order_id, skill, correct, user_id)");
    }

    @Test
    void readsDataShopTabExportSplittingKcsAndSkippingStepsWithout() throws Exception {
        ResponseLog log = new DataShopReader().read(fixture("datashop-ok.txt"));
        assertThat(rows(log)).containsExactly("s1/add/1", "s1/multiply/1", "s2/add/0", "s1/multiply/1");
        assertThat(log.notes()).containsExactly("skipped 1 step without a knowledge component in KC(Default)");
    }

    @Test
    void readsDataShopCommaExportWithQuotedCommas() throws Exception {
        assertThat(rows(new DataShopReader().read(fixture("datashop-comma.csv")))).containsExactly("s1/Calc/1", "s1/Calc/0");
    }

    @Test
    void dataShopBadRowsAreReported() {
        LogFormatException e = failure(new DataShopReader(), "datashop-bad.txt");
        assertThat(e.problems()).extracting(LogProblem::line).containsExactly(3L, 4L);
        assertThat(e.problems().get(0).message()).isEqualTo("Correct First Attempt must be 0 or 1, got 'maybe'");
        assertThat(e.problems().get(1).message()).isEqualTo("expected at least 4 fields, found 3 (tab separated)");
    }

    @Test
    void dataShopKcColumnCanBeChosen() throws Exception {
        assertThatThrownBy(() -> new DataShopReader().read(fixture("datashop-other-kc.txt")))
                .hasMessageContaining("missing column KC(Default)");
        assertThat(rows(new DataShopReader("KC(Unique-step)").read(fixture("datashop-other-kc.txt")))).containsExactly("s1/add/1");
    }

    @Test
    void groupsResponsesIntoOneSequencePerStudentAndSkill() {
        ResponseLog log = ResponseLog.builder(null)
                .add("u1", "a", true).add("u2", "a", false).add("u1", "b", true).add("u1", "a", false).add("u2", "b", true)
                .build();
        SkillSequences s = log.bySkill();
        assertThat(s.skills()).containsExactly("a", "b");
        assertThat(s.sequences(0)).isEqualTo(2);
        assertThat(s.responses(0)).isEqualTo(3);
        assertThat(s.sequences(1)).isEqualTo(2);
        // skill a: u1 -> [1, 0], u2 -> [0]; skill b: u1 -> [1], u2 -> [1]
        assertThat(s.obs()).containsExactly(1, 0, 0, 1, 1);
        assertThat(s.seqStart()).containsExactly(0, 2, 3, 4, 5);
        assertThat(s.skillSeqStart()).containsExactly(0, 2, 4);
    }
}
