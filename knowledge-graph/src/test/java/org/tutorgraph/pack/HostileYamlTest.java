package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML that passes the UTF-8 check but hits one of the reader's limits or forbidden characters, and values large
 * enough to flood a terminal: each must be a problem with a line, in a message of bounded length. Found by the
 * reliability suite's course-pack fuzzer (cli: org.tutorgraph.reliability.CoursePackFuzzTest).
 */
class HostileYamlTest {

    @TempDir
    Path tmp;

    private List<String> problemsWithCourseFile(String courseYaml) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(dir.resolve("course.yaml"), courseYaml);
        Files.writeString(dir.resolve("concepts.yaml"), "concepts:\n  - id: a\n");
        return CoursePackLoader.validate(dir).stream().map(PackProblem::toString).toList();
    }

    @Test
    void locatesNestingDeeperThanTheLimit() throws IOException {
        String deep = "[".repeat(50) + "x" + "]".repeat(50);
        // the top mapping is level 1, so the 40th bracket (column 8 + 39) opens level 41
        assertThat(problemsWithCourseFile("id: c\n\ntitle: " + deep + "\n"))
                .containsExactly("course.yaml:3:47: nesting is deeper than 40 levels; flatten the structure");
    }

    @Test
    void locatesTheAliasThatPassesTheAliasLimit() throws IOException {
        StringBuilder laughs = new StringBuilder("id: c\nlol: &a [x, y]\nmany:\n");
        for (int i = 0; i < 25; i++) laughs.append("  - *a\n");
        // the 21st alias of a collection is on line 3 + 21
        assertThat(problemsWithCourseFile(laughs.toString()))
                .containsExactly("course.yaml:24:5: more than 20 aliases (*name) of lists or mappings; write the values out");
    }

    @Test
    void namesAForbiddenCharacterWithItsLineAndColumn() throws IOException {
        assertThat(problemsWithCourseFile("id: c\r\ntitle: bad\u0000title\r\n")).containsExactly(
                "course.yaml:2:11: YAML does not allow the character U+0000 here; remove it (or write it as an escape"
                        + " such as \\u0000 inside double quotes)");
        assertThat(problemsWithCourseFile("id: c\ndescription: \uD83D\uDE00 ok\ntitle: \u0001\n")).containsExactly(
                "course.yaml:3:8: YAML does not allow the character U+0001 here; remove it (or write it as an escape"
                        + " such as \\u0001 inside double quotes)");
    }

    @Test
    void countsLineBreaksAsTheYamlParserDoes() {
        assertThat(YamlNodes.lineAndColumn("a\r\nb\rc\u2028d\ne", 10)).containsExactly(5, 2);
        assertThat(YamlNodes.lineAndColumn("\uD83D\uDE00x", 1)).containsExactly(1, 2);
    }

    @Test
    void quotesAHugeValueShortened() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("huge"));
        String huge = "9".repeat(5_000) + "z";
        Files.writeString(dir.resolve("course.yaml"), "id: c\n");
        Files.writeString(dir.resolve("concepts.yaml"), "concepts:\n  - id: a\n");
        Files.createDirectories(dir.resolve("items"));
        Files.writeString(dir.resolve("items/q.yaml"), "items:\n  - id: q\n    concepts: [a]\n    prompt: p\n"
                + "    type: " + huge + "\n    answers: [\"" + huge + "\"]\n    ladder:\n      - rung: bottom-out\n        text: t\n"
                + "  - id: r\n    concepts: [a]\n    prompt: p\n    type: number\n    answers: [\"" + huge + "\"]\n"
                + "    ladder:\n      - rung: bottom-out\n        text: t\n");
        Files.writeString(dir.resolve("items/r.yaml"), "items:\n  - id: s\n    concepts: [a]\n    prompt: p\n    type: number\n"
                + "    answers: [\"1e400\"]\n    ladder:\n      - rung: bottom-out\n        text: t\n");
        List<PackProblem> problems = CoursePackLoader.validate(dir);
        assertThat(problems).extracting(PackProblem::toString).containsExactly(
                "items/q.yaml:5: item 'q': unknown answer type '9999999999999999999999999999999999999...' (use number,"
                        + " expression, choice or text)",
                "items/q.yaml:14: item 'r': number answer '9999999999999999999999999999999999999...' is not a number"
                        + " (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)",
                // beyond double range: it would compare equal to nothing (and, before, to everything)
                "items/r.yaml:6: item 's': number answer '1e400' is not a number (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)");
    }

    @Test
    void refusesALineTooLongForTheYamlReaderToScanInLinearTime() throws IOException {
        String longWord = "x".repeat(YamlNodes.MAX_LINE + 1);
        assertThat(problemsWithCourseFile("id: c\r\n# fine\r\ntitle: " + longWord + "\n")).containsExactly(
                "course.yaml:3: line is longer than 10000 characters (10008); wrap long text over several lines"
                        + " (e.g. 'description: >' followed by indented lines)");
        assertThat(problemsWithCourseFile("id: c\ntitle: " + "y".repeat(YamlNodes.MAX_LINE - 7) + "\n")).isEmpty();
        assertThat(YamlNodes.firstLineLongerThan("ab\u2028abc", 2)).containsExactly(2, 3);
    }

    @Test
    void boundsEveryMessageKeepingItsStartAndEnd() {
        String message = "item 'q': " + "x".repeat(10_000) + " (the fix)";
        String bounded = Problems.bounded(message);
        assertThat(bounded).hasSizeLessThanOrEqualTo(Problems.MAX_MESSAGE).startsWith("item 'q': xx").endsWith("xx (the fix)")
                .contains(" … ");
        assertThat(Problems.bounded("short")).isEqualTo("short");
    }
}
