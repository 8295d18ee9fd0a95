package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Link;
import org.tutorgraph.graph.Rung;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutorgraph.pack.PackFixtures.pack;

/**
 * One malformed fixture per validation rule (src/test/resources/packs/invalid/…), each asserting the exact
 * messages with their file and line, plus the valid example pack of the documentation.
 */
class CoursePackLoaderTest {

    private static List<String> problems(String fixture) {
        return problemsAt(pack(fixture));
    }

    private static List<String> problemsAt(Path folder) {
        return CoursePackLoader.validate(folder).stream().map(PackProblem::toString).toList();
    }

    // ---------------------------------------------------------------- the valid example

    @Test
    void loadsTheDocumentedExamplePack() throws InvalidPackException {
        CoursePack p = CoursePackLoader.load(pack("example"));

        assertThat(p.meta().id()).isEqualTo("fractions-intro");
        assertThat(p.meta().version()).isEqualTo("1.0");
        assertThat(p.graph().concepts()).extracting(c -> c.id())
                .containsExactly("fraction-meaning", "number-line", "area-model", "compare-like", "add-like");
        assertThat(p.graph().concept("number-line").difficulty()).isEqualTo(1.5);
        assertThat(p.graph().concept("number-line").learningMinutes()).isEqualTo(25);
        assertThat(p.graph().requires("add-like")).containsExactly("fraction-meaning");
        assertThat(p.graph().anyOfGroups("compare-like"))
                .containsExactly(new AnyOfGroup("compare-like#1", "compare-like", List.of("number-line", "area-model")));
        assertThat(p.graph().supportsInto("add-like")).containsExactly(new Link.Supports("number-line", "add-like", 0.6));
        assertThat(p.graph().topologicalOrder().indexOf("compare-like"))
                .isGreaterThan(p.graph().topologicalOrder().indexOf("area-model"));

        Item add = p.item("add-like-1").orElseThrow();
        assertThat(add.type()).isEqualTo(AnswerType.NUMBER);
        assertThat(add.answers()).containsExactly("5/7");
        assertThat(add.misconceptions()).singleElement().satisfies(m -> assertThat(m.wrongAnswers()).containsExactly("5/14"));
        assertThat(add.ladder()).extracting(r -> r.rung())
                .containsExactly(Rung.ORIENT, Rung.PROBE, Rung.SCAFFOLD, Rung.BOTTOM_OUT);
        assertThat(add.ladder().get(2).answer()).isEqualTo("5");
        assertThat(p.item("compare-like-1").orElseThrow().choices()).hasSize(3);
    }

    @Test
    void loadsFromTheCourseFileToo() throws InvalidPackException {
        assertThat(CoursePackLoader.load(pack("example").resolve("course.yaml")).meta().id()).isEqualTo("fractions-intro");
    }

    // ---------------------------------------------------------------- graph rules

    @Test
    void rejectsCycleAndListsIt() {
        assertThat(problems("invalid/cycle")).containsExactly(
                "concepts.yaml:3: cycle among prerequisite edges: a -requires-> b -requires-> c -requires-> a;"
                        + " remove or reverse one of these edges");
    }

    @Test
    void rejectsCycleThroughAnAnyOfGroupAndNamesEachEdgeKind() {
        assertThat(problems("invalid/cycle-through-anyof")).containsExactly(
                "concepts.yaml:7: cycle among prerequisite edges: c -requires-> d -anyOf-> c; remove or reverse one of these edges");
    }

    @Test
    void rejectsDanglingIdsWhereverTheyAppear() {
        assertThat(problems("invalid/dangling-ids")).containsExactly(
                "concepts.yaml:4: concept 'b': requires unknown concept 'alpah' (did you mean 'alpha'?)",
                "concepts.yaml:7: concept 'c': anyOf group 'c#1' names unknown concept 'nowhere'",
                "concepts.yaml:9: concept 'c': supportedBy names unknown concept 'ghost'",
                "items/q.yaml:3: item 'q1': concepts names unknown concept 'missing'");
    }

    @Test
    void rejectsDuplicateIdsOfConceptsItemsMisconceptionsAndGroups() {
        assertThat(problems("invalid/duplicate-ids")).containsExactly(
                "items/one.yaml:10: item 'q1': duplicate misconception id 'off-by-one' (first at line 8)",
                "concepts.yaml:7: duplicate concept id 'a' (first at concepts.yaml:2)",
                "concepts.yaml:11: concept 'd': duplicate anyOf group id 'either' (first at concepts.yaml:5)",
                "items/two.yaml:2: duplicate item id 'q1' (first at items/one.yaml:2)");
    }

    @Test
    void rejectsAConceptThatNeedsItself() {
        assertThat(problems("invalid/self-reference")).containsExactly(
                "concepts.yaml:3: concept 'a': requires names the concept itself",
                "concepts.yaml:5: concept 'b': supportedBy names the concept itself");
    }

    @Test
    void rejectsAnAnyOfGroupWithOneAlternative() {
        assertThat(problems("invalid/anyof-too-small")).containsExactly(
                "concepts.yaml:5: concept 'b': anyOf group 'b#1' needs at least two alternatives (for a single one, use requires)");
    }

    // ---------------------------------------------------------------- items

    @Test
    void rejectsItemsWithoutAnswers() {
        assertThat(problems("invalid/item-without-answers")).containsExactly(
                "items/q.yaml:2: item 'q1': has no answers; add 'answers: [...]'",
                "items/q.yaml:12: item 'q2': has no answers; add 'answers: [...]'");
    }

    @Test
    void rejectsAnswersThatDoNotParseForTheirType() {
        assertThat(problems("invalid/unparsable-answers")).containsExactly(
                "items/q.yaml:6: item 'as-number': number answer 'twelve' is not a number (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)",
                "items/q.yaml:16: item 'as-expression': expression answer '2x + * 3' does not parse as an expression:"
                        + " Unexpected token after infix operator",
                "items/q.yaml:26: item 'as-choice': choice answer 'E' names no choice (use a letter A..C or a choice's exact text)",
                "items/q.yaml:40: item 'wrong-answer' misconception 'adds': wrong answer 'four-ish' is not a number"
                        + " (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)");
    }

    @Test
    void rejectsMissingOrEmptyHintLadders() {
        assertThat(problems("invalid/empty-ladder")).containsExactly(
                "items/q.yaml:2: item 'no-ladder': has an empty hint ladder; add 'ladder:' with rungs orient, probe, scaffold, bottom-out",
                "items/q.yaml:7: item 'empty-ladder': has an empty hint ladder; add 'ladder:' with rungs orient, probe, scaffold, bottom-out");
    }

    @Test
    void rejectsRungsOutOfOrder() {
        assertThat(problems("invalid/rung-order")).containsExactly(
                "items/q.yaml:12: item 'q1': rung 'probe' comes after 'scaffold'; order rungs orient, probe, scaffold, bottom-out");
    }

    @Test
    void rejectsChoicesThatDoNotFitTheType() {
        assertThat(problems("invalid/choices-mismatch")).containsExactly(
                "items/q.yaml:2: item 'one-choice': is multiple choice but lists fewer than two choices",
                "items/q.yaml:18: item 'choices-on-number': has choices but its type is number (use type: choice)");
    }

    @Test
    void rejectsMissingOrUnknownTypesAndRungs() {
        assertThat(problems("invalid/bad-types-and-rungs")).containsExactly(
                "items/q.yaml:2: item 'no-type': missing required key 'type' (number, expression, choice or text)",
                "items/q.yaml:14: item 'odd-type': unknown answer type 'essay' (use number, expression, choice or text)",
                "items/q.yaml:27: item 'odd-rung': unknown rung 'nudge' (use orient, probe, scaffold or bottom-out)",
                "items/q.yaml:29: item 'odd-rung' ladder rung: missing required key 'rung' (orient, probe, scaffold or bottom-out)");
    }

    // ---------------------------------------------------------------- fields and values

    @Test
    void rejectsUnknownFieldsAtEveryLevelAndSuggestsTheIntendedOne() {
        assertThat(problems("invalid/unknown-fields")).containsExactly(
                "course.yaml:3:1: course 'broken': unknown field 'autor' (known fields: id, title, language, description,"
                        + " version, concepts, items)",
                "concepts.yaml:3:5: concept 'a': unknown field 'dificulty' (did you mean 'difficulty'? known fields: id, name,"
                        + " description, difficulty, minutes, area, requires, anyOf, supportedBy)",
                "concepts.yaml:7:9: concept 'b' anyOf group: unknown field 'weight' (known fields: id, of)",
                "concepts.yaml:10:9: concept 'b' supportedBy entry: unknown field 'strenght' (did you mean 'strength'?"
                        + " known fields: concept, strength)",
                "concepts.yaml:12:1: concepts file: unknown field 'topics' (known fields: concepts)",
                "items/q.yaml:11:9: item 'q1' misconception 'm': unknown field 'why' (known fields: id, description,"
                        + " wrongAnswers, probe)",
                "items/q.yaml:15:9: item 'q1' ladder rung: unknown field 'tone' (known fields: rung, text, answer)",
                "items/q.yaml:7:5: item 'q1': unknown field 'hint' (known fields: id, concepts, prompt, type, answers,"
                        + " choices, tolerance, misconceptions, ladder)",
                "items/q.yaml:18:1: items file: unknown field 'version' (known fields: items)");
    }

    @Test
    void namesTheConceptOrItemInEveryNumericFieldMessage() {
        assertThat(problems("invalid/bad-numbers")).containsExactly(
                "concepts.yaml:3:17: concept 'slope': 'difficulty' must be between 1 and 5, found 7",
                "concepts.yaml:4:14: concept 'slope': 'minutes' must be a number, found 'soon'",
                "concepts.yaml:6:17: concept 'intercept': 'difficulty' must be a number, found 'NaN'",
                "concepts.yaml:9:19: concept 'intercept' supportedBy entry: 'strength' must be between 0.01 and 1, found 2",
                "items/q.yaml:7:16: item 'q1': 'tolerance' must be at least 0, found -1");
    }

    @Test
    void rejectsIdsOutsideTheSafeAlphabet() {
        String rule = "must start with a letter or digit and use only letters, digits and . _ : + - (at most 200 characters)";
        assertThat(problems("invalid/bad-ids")).containsExactly(
                "course.yaml:1: course 'my course': id 'my course' " + rule,
                "concepts.yaml:2: concept 'has space': id 'has space' " + rule,
                "concepts.yaml:3: concept '-dash-first': id '-dash-first' " + rule,
                "items/q.yaml:2: item 'q/1': id 'q/1' " + rule,
                "items/q.yaml:8: item 'q/1' misconception 'm m': id 'm m' " + rule);
    }

    @Test
    void rejectsDuplicateKeysInOneMapping() {
        assertThat(problems("invalid/duplicate-keys")).containsExactly(
                "concepts.yaml:4:5: concept 'a': duplicate key 'name' (first at line 3)");
    }

    @Test
    void rejectsValuesOfTheWrongShape() {
        assertThat(problems("invalid/wrong-shapes")).containsExactly(
                "concepts.yaml:2:5: concept must be a mapping of key: value, found 'just-a-string'",
                "concepts.yaml:4:15: concept 'b': 'requires' must be a list, found a mapping",
                "items/q.yaml:1:8: items file: 'items' must be a list, found '5'");
    }

    // ---------------------------------------------------------------- files

    @Test
    void reportsYamlSyntaxErrorsWithLineAndColumn() {
        assertThat(problems("invalid/yaml-syntax")).containsExactly(
                "concepts.yaml:4:7: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence started at line 3)");
    }

    @Test
    void rejectsBytesThatAreNotUtf8AndSaysOnWhichLine() {
        assertThat(problems("invalid/non-utf8")).containsExactly(
                "concepts.yaml:3: file is not valid UTF-8 (first bad byte at offset 33); save it as UTF-8");
    }

    @Test
    void refusesFilesOutsideThePackFolder() {
        assertThat(problems("invalid/path-outside")).containsExactly(
                "course.yaml:3: '../outside.yaml' points outside the course pack folder; name files inside it",
                "course.yaml:4: '/etc' points outside the course pack folder; name files inside it");
    }

    @Test
    void refusesALinkToOutsideThePackFolder(@TempDir Path tmp) throws IOException {
        Path packDir = PackFixtures.copy("example", tmp.resolve("pack"));
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.yaml"), "concepts: []\n");
        Files.writeString(outside.resolve("more.yaml"), "items: []\n");
        Files.writeString(packDir.resolve("course.yaml"), "id: linked\nconcepts: linked.yaml\n");
        Files.createSymbolicLink(packDir.resolve("linked.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(packDir.resolve("items").resolve("more.yaml"), outside.resolve("more.yaml"));

        assertThat(problemsAt(packDir)).containsExactly(
                "course.yaml:2: 'linked.yaml' is a link to outside the course pack folder",
                "items/more.yaml: is a link to outside the course pack folder; keep the pack's files inside it");
    }

    @Test
    void reportsMissingFilesNamedInTheCourseFile() {
        assertThat(problems("invalid/missing-files")).containsExactly(
                "course.yaml:3: concepts file 'topics.yaml' does not exist",
                "course.yaml:4: items source 'questions.yaml' does not exist");
    }

    @Test
    void reportsAMissingCourseFile() {
        assertThat(CoursePackLoader.validate(pack("invalid/missing-course-file")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("course.yaml");
                    assertThat(p.message()).startsWith("file not found (expected at ");
                });
    }

    @Test
    void reportsAFolderThatIsNoPack(@TempDir Path tmp) {
        assertThat(CoursePackLoader.validate(tmp.resolve("nothing-here")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("no course pack here"));
    }

    @Test
    void reportsEveryProblemOfAPackInOnePass(@TempDir Path tmp) throws IOException {
        Path packDir = PackFixtures.copy("example", tmp.resolve("pack"));
        Path concepts = packDir.resolve("concepts.yaml");
        Files.writeString(concepts, Files.readString(concepts)
                .replace("difficulty: 1.5", "difficulty: 9")
                .replace("requires: [fraction-meaning]\n    supportedBy", "requires: [fraction-meanin]\n    supportedBy"));
        Path items = packDir.resolve("items/add-like.yaml");
        Files.writeString(items, Files.readString(items).replace("answers: [\"5/7\"]", "answers: [\"five sevenths\"]"));

        assertThat(problemsAt(packDir)).containsExactly(
                "concepts.yaml:11:17: concept 'number-line': 'difficulty' must be between 1 and 5, found 9",
                "concepts.yaml:36: concept 'add-like': requires unknown concept 'fraction-meanin' (did you mean 'fraction-meaning'?)",
                "items/add-like.yaml:6: item 'add-like-1': number answer 'five sevenths' is not a number"
                        + " (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)");
    }

    // ---------------------------------------------------------------- never half-loaded

    static List<String> invalidPacks() {
        return PackFixtures.invalidPacks();
    }

    @ParameterizedTest
    @MethodSource("invalidPacks")
    void neverReturnsAPackThatHasProblems(String fixture) {
        assertThatThrownBy(() -> CoursePackLoader.load(pack(fixture)))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> {
                    assertThat(e.problems()).isNotEmpty().isEqualTo(CoursePackLoader.validate(pack(fixture)));
                    assertThat(e.getMessage()).contains(e.problems().get(0).toString());
                });
    }

    @Test
    void aSingleBadItemKeepsTheWholePackFromLoading(@TempDir Path tmp) throws IOException {
        Path packDir = PackFixtures.copy("example", tmp.resolve("pack"));
        Path items = packDir.resolve("items/add-like.yaml");
        Files.writeString(items, Files.readString(items).replace("answers: [B]", "answers: [Z]"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CoursePackLoader.load(packDir))
                .isInstanceOfSatisfying(InvalidPackException.class, e -> assertThat(e.problems()).hasSize(1));
    }
}
