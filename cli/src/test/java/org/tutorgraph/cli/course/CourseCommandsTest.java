package org.tutorgraph.cli.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.CoursePackWriter;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CourseCommandsTest {

    @TempDir
    Path tmp;
    Path pack;

    /** A small pack with every edge kind, and a name that needs escaping in every format. */
    @BeforeEach
    void writePack() throws Exception {
        CourseGraph graph = CourseGraph.builder()
                .concept(new Concept("counting", "Counting \"one by one\"", "", 1, 15, "number"))
                .concept(new Concept("number-line", "The number line <0|1>", "", 1.5, 20, "number"))
                .concept(new Concept("blocks", "Base-ten blocks\\tens", "", 1, 20, "number"))
                .concept(new Concept("adding", "Adding #1", "Put groups together.", 2, 30, "number"))
                .requires("counting", "adding")
                .requires("counting", "number-line")
                .anyOf(new AnyOfGroup("picture", "adding", List.of("number-line", "blocks")))
                .supports("blocks", "number-line", 0.25)
                .build();
        pack = tmp.resolve("pack");
        CoursePackWriter.write(new CourseMeta("tiny", "A \"tiny\" course", "en", "Four concepts.", "2"), graph, List.of(), pack);
    }

    // ---------------------------------------------------------------- show

    @Test
    void showsConceptsInLearningOrderWithTheirEdges() {
        Cli.Run r = Cli.run("course", "show", pack.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                A "tiny" course (tiny, en, version 2)
                Four concepts.
                4 concepts, 2 requires edges, 1 anyOf group, 1 supports edge, 0 items

                Concepts in learning order (each comes after everything it requires):
                  1. counting — Counting "one by one"  [number, difficulty 1, 15 min]
                  2. number-line — The number line <0|1>  [number, difficulty 1.5, 20 min]
                       requires      counting
                       supported by  blocks (0.25)
                  3. blocks — Base-ten blocks\\tens  [number, difficulty 1, 20 min]
                  4. adding — Adding #1  [number, difficulty 2, 30 min]
                       requires      counting
                       any of        number-line | blocks   (group picture)
                """);
    }

    @Test
    void showsTheBundledCourseWhenNoPackIsGiven() {
        Cli.Run r = Cli.run("course", "show");
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith(BundledCourse.load().meta().title())
                .contains(BundledCourse.load().graph().size() + " concepts");
    }

    @Test
    void showsJsonInTheDocumentedShape() throws Exception {
        Cli.Run r = Cli.run("course", "show", pack.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(json.get("format").asText()).isEqualTo("tutorgraph-course-show/1");
        assertThat(json.get("course").get("title").asText()).isEqualTo("A \"tiny\" course");
        assertThat(json.get("counts").toString()).isEqualTo("{\"concepts\":4,\"requires\":2,\"anyOf\":1,\"supports\":1,\"items\":0}");
        assertThat(json.get("concepts")).extracting(c -> c.get("id").asText()).containsExactly("counting", "number-line", "blocks", "adding");
        JsonNode adding = json.get("concepts").get(3);
        assertThat(adding.get("anyOf").get(0).get("of").toString()).isEqualTo("[\"number-line\",\"blocks\"]");
        assertThat(adding.get("minutes").asDouble()).isEqualTo(30);
        assertThat(json.get("edges")).extracting(e -> e.get("from").asText() + ">" + e.get("to").asText() + ":" + e.get("kind").asText())
                .containsExactly("counting>number-line:requires", "counting>adding:requires", "number-line>adding:anyOf",
                        "blocks>adding:anyOf", "blocks>number-line:supports");
        assertThat(json.get("edges").get(4).get("strength").asDouble()).isEqualTo(0.25);
    }

    @Test
    void showsDotThatJGraphTReadsBack() {
        Cli.Run r = Cli.run("course", "show", pack.toString(), "--format", "DOT");
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);

        DirectedPseudograph<String, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Map<String, Attribute>> vertexAttributes = new HashMap<>();
        Map<DefaultEdge, Map<String, Attribute>> edgeAttributes = new HashMap<>();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> vertexAttributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> edgeAttributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(g, new StringReader(r.out()));

        assertThat(g.vertexSet()).containsExactlyInAnyOrder("counting", "number-line", "blocks", "adding");
        assertThat(g.edgeSet()).hasSize(5);
        assertThat(vertexAttributes.get("counting").get("label").getValue()).isEqualTo("Counting \"one by one\"");
        assertThat(edgeAttributes.values()).extracting(a -> a.get("style").getValue())
                .containsExactlyInAnyOrder("solid", "solid", "dashed", "dashed", "dotted");
        DefaultEdge support = g.getEdge("blocks", "number-line");
        assertThat(edgeAttributes.get(support).get("label").getValue()).isEqualTo("0.25");
    }

    @Test
    void showsAMermaidFlowchartThatTellsEdgeKindsApart() {
        Cli.Run r = Cli.run("course", "show", pack.toString(), "--format", "mermaid");
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("""
                graph TD
                  %% A "tiny" course
                  %% ==> requires   --> any of (group)   -.-> supports (strength)
                  c0["Counting #quot;one by one#quot;"]
                  c1["The number line #lt;0#124;1#gt;"]
                  c2["Base-ten blocks\\tens"]
                  c3["Adding #35;1"]
                  c0 ==> c1
                  c0 ==> c3
                  c1 -->|"any of picture"| c3
                  c2 -->|"any of picture"| c3
                  c2 -.->|0.25| c1
                """);
    }

    @Test
    void refusesAnUnknownFormatWithTheChoices() {
        Cli.Run r = Cli.run("course", "show", pack.toString(), "--format", "svg");
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).startsWith("tutor: Invalid value for option '--format': unknown format 'svg' (use text, json, dot or mermaid)");
    }

    @Test
    void showListsEveryProblemOfAnInvalidPack() throws Exception {
        Files.writeString(pack.resolve("concepts.yaml"), "concepts:\n  - id: a\n    requires: [b]\n  - id: c\n    difficulty: 9\n");
        Cli.Run r = Cli.run("course", "show", pack.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err().lines()).containsExactly(
                pack.resolve("concepts.yaml") + ":5:17: concept 'c': 'difficulty' must be between 1 and 5, found 9",
                pack.resolve("concepts.yaml") + ":3: concept 'a': requires unknown concept 'b'",
                "2 problems in " + pack);
        assertThat(r.out()).isEmpty();
    }

    // ---------------------------------------------------------------- validate keeps its behaviour

    @Test
    void validateExitsZeroForAValidPackAndOneWithEveryProblem() throws Exception {
        Cli.Run ok = Cli.run("course", "validate", pack.toString());
        assertThat(ok.exit()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("valid (4 concepts, 2 requires edges, 1 anyOf groups, 1 supports edges, 0 items)");

        Files.writeString(pack.resolve("concepts.yaml"), "concepts:\n  - id: a\n    requires: [a]\n    colour: red\n");
        Cli.Run bad = Cli.run("course", "validate", pack.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err().lines()).hasSize(3).last().isEqualTo("2 problems in " + pack);
        assertThat(Cli.run("course", "validate").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void validateWarnsAboutALadderThatRevealsTheAnswerAndStrictFails() throws Exception {
        Files.createDirectories(pack.resolve("items"));
        Files.writeString(pack.resolve("items/leaky.yaml"), """
                items:
                  - id: leaky
                    concepts: [counting]
                    prompt: What is 3 + 4?
                    type: number
                    answers: ["7"]
                    ladder:
                      - rung: orient
                        text: Count on from 3.
                      - rung: probe
                        text: The answer is seven, can you see why?
                      - rung: bottom-out
                        text: 3 + 4 = 7.
                """);
        Cli.Run lenient = Cli.run("course", "validate", pack.toString());
        assertThat(lenient.exit()).isEqualTo(ExitCodes.OK);
        assertThat(lenient.err()).startsWith("warning: item leaky: rung probe reveals the answer '7'");

        Cli.Run strict = Cli.run("course", "validate", "--strict", pack.toString());
        assertThat(strict.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(strict.err()).contains("item leaky: rung probe reveals the answer '7'")
                .contains("1 hint text reveal an answer too early");
    }

    // ---------------------------------------------------------------- import

    @Test
    void importsACsvWritesAValidPackAndPrintsCounts() throws Exception {
        Path edges = Files.writeString(tmp.resolve("edges.csv"), "prerequisite,concept,kind\ncounting,adding,\n"
                + "adding,\"Adding, fast\",\ncounting,estimating,supports\n");
        Path table = Files.writeString(tmp.resolve("concepts.csv"), "id,name,minutes\ncounting,Counting,10\nadding,Adding,20\n"
                + "\"Adding, fast\",Adding fast,5\nestimating,Estimating,15\n");
        Path out = tmp.resolve("imported");
        Cli.Run r = Cli.run("course", "import", "--from", "csv", edges.toString(), "--concepts", table.toString(),
                "--out", out.toString(), "--id", "arith", "--title", "Arithmetic");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("imported csv " + edges + " into " + out + " (valid):\n"
                + "  concepts        4\n  requires        2\n  supports        1\n  anyOf groups    0\n"
                + "  cycles          0 components, 0 simple cycles\n  dropped edges   0\n");
        CoursePack written = CoursePackLoader.load(out);
        assertThat(written.meta().id()).isEqualTo("arith");
        assertThat(written.graph().concept("adding-fast").name()).isEqualTo("Adding fast");
        assertThat(Cli.run("course", "validate", out.toString()).exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void refusesACyclicSourceListingEveryCycleAndBreaksItOnRequest() throws Exception {
        Path edges = Files.writeString(tmp.resolve("cycle.csv"), "prerequisite,concept\na,b\nb,a\nb,c\nc,d\nd,b\n");
        Path out = tmp.resolve("cyclic");
        Cli.Run refused = Cli.run("course", "import", "--from", "csv", edges.toString(), "--out", out.toString());

        assertThat(refused.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(refused.err().lines()).first().isEqualTo("tutor: cannot import " + edges + " as csv:");
        assertThat(refused.err()).contains("  cycle: a -> b -> a", "  cycle: b -> c -> d -> b", "re-run with --break-cycles");
        assertThat(out).doesNotExist();

        Cli.Run broken = Cli.run("course", "import", "--from", "csv", edges.toString(), "--out", out.toString(), "--break-cycles");
        assertThat(broken.exit()).as(broken.err()).isEqualTo(ExitCodes.OK);
        assertThat(broken.out()).contains(edges + ":2: dropped a -requires-> b (mutual pair", edges + ":3: dropped b -requires-> a (mutual pair",
                "  cycles          1 component, 2 simple cycles\n  dropped edges   3\n");
        assertThat(CoursePackLoader.validate(out)).isEmpty();
    }

    @Test
    void refusesToWriteIntoAFolderThatIsNotEmptyUnlessForced() throws Exception {
        Path edges = Files.writeString(tmp.resolve("e.csv"), "prerequisite,concept\na,b\n");
        Cli.Run r = Cli.run("course", "import", "--from", "csv", edges.toString(), "--out", pack.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("is not empty; choose a new folder or add --force");

        Cli.Run forced = Cli.run("course", "import", "--from", "csv", edges.toString(), "--out", pack.toString(), "--force", "-q");
        assertThat(forced.exit()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).startsWith("imported csv");
        assertThat(CoursePackLoader.load(pack).graph().size()).isEqualTo(2);
    }

    @Test
    void explainsBadArgumentsInOneLineEach() throws Exception {
        Path edges = Files.writeString(tmp.resolve("e.csv"), "prerequisite,concept\na,b\n");
        assertThat(Cli.run("course", "import", "--from", "oatutor", edges.toString(), "--out", tmp.resolve("x").toString()).err())
                .isEqualTo("tutor: unknown format 'oatutor' (use csv, metacademy, ccssm, lecturebank)\n");
        assertThat(Cli.run("course", "import", "--from", "ccssm", edges.toString(), "--concepts", edges.toString(),
                "--out", tmp.resolve("x").toString()).err()).isEqualTo("tutor: --concepts only applies to --from csv\n");
        assertThat(Cli.run("course", "import", "--from", "csv", tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("x").toString()).err())
                .isEqualTo("tutor: no such file or folder: " + tmp.resolve("nope.csv") + "\n");
        Cli.Run missing = Cli.run("course", "import", "--from", "csv", edges.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void badSourceDataIsAUserErrorWithFileAndLine() throws Exception {
        Path edges = Files.writeString(tmp.resolve("bad.csv"), "prerequisite,concept\na,a\n");
        Cli.Run r = Cli.run("course", "import", "--from", "csv", edges.toString(), "--out", tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).isEqualTo("tutor: cannot import " + edges + " as csv:\n" + edges + ":2: 'a' cannot be its own prerequisite\n");
    }
}
