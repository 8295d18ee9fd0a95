package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class CoursePackWriterTest {

    static void assertSamePack(CoursePack actual, CoursePack expected) {
        assertThat(actual.meta()).isEqualTo(expected.meta());
        assertThat(actual.graph().concepts()).isEqualTo(expected.graph().concepts());
        assertThat(actual.graph().requiresLinks()).isEqualTo(expected.graph().requiresLinks());
        assertThat(actual.graph().anyOfGroups()).isEqualTo(expected.graph().anyOfGroups());
        assertThat(actual.graph().supportsLinks()).isEqualTo(expected.graph().supportsLinks());
        assertThat(actual.items()).isEqualTo(expected.items());
    }

    @Test
    void writesWhatItLoadsAndLoadsWhatItWrites(@TempDir Path tmp) throws Exception {
        CoursePack original = CoursePackLoader.load(PackFixtures.pack("example"));
        CoursePackWriter.write(original, tmp);
        assertSamePack(CoursePackLoader.load(tmp), original);
    }

    @Test
    void roundTripsTheBundledCourse(@TempDir Path tmp) throws Exception {
        CoursePack original = BundledCourse.load();
        CoursePackWriter.write(original, tmp);
        assertSamePack(CoursePackLoader.load(tmp), original);
    }

    @Test
    void keepsAuthoredGroupIdsAndAllEdgeKinds(@TempDir Path tmp) throws Exception {
        CourseGraph graph = CourseGraph.builder()
                .concept(Concept.of("a", "A")).concept(Concept.of("b", "B")).concept(Concept.of("c", "C"))
                .concept(new Concept("d", "D", "Needs a or b.", 4.5, 12.25, "x"))
                .requires("a", "c")
                .anyOf(new AnyOfGroup("either-a-or-b", "d", List.of("a", "b")))
                .anyOf("d", List.of("b", "c"))
                .supports("c", "d", 0.25)
                .build();
        CourseMeta meta = new CourseMeta("g", "Groups", "fr", "", "");
        CoursePackWriter.write(meta, graph, List.of(), tmp);

        CoursePack loaded = CoursePackLoader.load(tmp);
        assertThat(loaded.graph().anyOfGroups()).containsExactly(
                new AnyOfGroup("either-a-or-b", "d", List.of("a", "b")), new AnyOfGroup("d#2", "d", List.of("b", "c")));
        assertThat(loaded.graph().concept("d")).isEqualTo(graph.concept("d"));
        assertThat(loaded.graph().supportsLinks()).isEqualTo(graph.supportsLinks());
        assertThat(loaded.meta()).isEqualTo(meta);
    }

    @Test
    void removesAStaleItemsFileWhenThePackHasNoItems(@TempDir Path tmp) throws Exception {
        CoursePackWriter.write(CoursePackLoader.load(PackFixtures.pack("example")), tmp);
        assertThat(tmp.resolve("items/items.yaml")).exists();
        CourseGraph graph = CourseGraph.builder().concept(Concept.of("only", "Only")).build();
        CoursePackWriter.write(new CourseMeta("bare", null, null, null, null), graph, List.of(), tmp);

        assertThat(tmp.resolve("items/items.yaml")).doesNotExist();
        assertThat(CoursePackLoader.load(tmp).items()).isEmpty();
    }

    /** Names, descriptions, prompts and answers with YAML's special characters come back unchanged. */
    @Test
    void roundTripsAnyTextAnEducatorMightWrite(@TempDir Path tmp) {
        String tricky = "-:#&*!|>'\"%@`{}[],?~ \t\nabcé→∑0123456789.eEyYnNtTfF";
        qt().withExamples(150).withFixedSeed(20240611L)
                .forAll(strings().betweenCodePoints(0x20, 0x2200).ofLengthBetween(1, 30),
                        strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 12))
                .asWithPrecursor((a, b) -> mix(a, b, tricky))
                .checkAssert((a, b, text) -> assertRoundTrip(tmp, text));
        for (String s : List.of("true", "null", "~", "yes", "No", "0", "007", "1e3", ".5", "-", "- x", "a: b", "#x", "'q'",
                "\"q\"", "  padded  ", "line\nbreak", "trailing\n", "@at", "`tick`", "*star", "&amp", "!bang", "%pct", "{}", "[]",
                "0x1F", "1_000", ".inf", "<<", "=", "|", ">", "? q")) {
            assertRoundTrip(tmp, s);
        }
    }

    private static String mix(String a, String b, String tricky) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length(); i++) sb.append(tricky.charAt(b.charAt(i) % tricky.length())).append(i < a.length() ? a.charAt(i) : "");
        return sb.toString();
    }

    private static void assertRoundTrip(Path tmp, String text) {
        if (text.isBlank()) return;
        try {
            Path dir = Files.createTempDirectory(tmp, "rt");
            Concept c = new Concept("c", text, text, 2, 30, text);
            CourseGraph graph = CourseGraph.builder().concept(c).build();
            // an answer must be one a learner can type (the loader refuses '.!' or 'pass'): such texts get a prefix
            Item probe = new Item("i", text, AnswerType.TEXT, List.of(text), List.of(), 0, List.of("c"), List.of(), List.of());
            String answer = new AnswerChecker().check(probe, text).isCorrect() ? text : "k" + text;
            Item item = new Item("i", text, AnswerType.TEXT, List.of(answer), List.of(), 0, List.of("c"),
                    List.of(new Misconception("m", text, List.of(text), text)),
                    List.of(new HintRung(Rung.ORIENT, text, text), HintRung.of(Rung.BOTTOM_OUT, text)));
            CourseMeta meta = new CourseMeta("rt", text, "en", text, text);
            CoursePackWriter.write(meta, graph, List.of(item), dir);
            CoursePack loaded = CoursePackLoader.load(dir);
            assertThat(loaded.graph().concepts()).containsExactly(c);
            assertThat(loaded.items()).containsExactly(item);
            assertThat(loaded.meta()).isEqualTo(meta);
        } catch (IOException | InvalidPackException e) {
            throw new AssertionError("round trip failed for " + text.codePoints().mapToObj(Integer::toHexString).toList() + ": " + e.getMessage(), e);
        }
    }
}
