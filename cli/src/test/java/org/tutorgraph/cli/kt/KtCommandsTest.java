package org.tutorgraph.cli.kt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.Cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KtCommandsTest {

    @TempDir
    Path dir;

    /** A DKT file: 150 students, two skills, answers drawn from known BKT models (seeded). */
    private Path dktLog(String name, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 150; u++) {
            List<String> skills = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int skill = 1; skill <= 2; skill++) {
                boolean known = r.nextDouble() < (skill == 1 ? 0.3 : 0.6);
                for (int t = 0; t < 8; t++) {
                    skills.add(Integer.toString(skill));
                    answers.add((known ? r.nextDouble() > 0.1 : r.nextDouble() < 0.2) ? "1" : "0");
                    if (!known && r.nextDouble() < 0.2) known = true;
                }
            }
            sb.append(skills.size()).append(",\n").append(String.join(",", skills)).append(",\n").append(String.join(",", answers)).append(",\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void fitWritesParametersPerSkill() throws Exception {
        Path out = dir.resolve("params.json");
        Cli.Run run = Cli.run("kt", "fit", "--format", "dkt", "--data", dktLog("train.csv", 1).toString(), "--out", out.toString(),
                "--restarts", "3", "--seed", "4");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fitted standard BKT on 2400 responses, 150 students, 2 skills");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("skills").has("1")).isTrue();
        assertThat(json.get("skills").get("1").get("prior").asDouble()).isBetween(0.1, 0.5);
        assertThat(json.get("skills").get("2").get("prior").asDouble()).isBetween(0.4, 0.8);
        assertThat(json.get("restarts").asInt()).isEqualTo(3);
        assertThat(json.get("forgets").asBoolean()).isFalse();
    }

    @Test
    void evalJsonIsExactlyOneObjectWithTheAgreedKeys() throws Exception {
        Cli.Run run = Cli.run("kt", "eval", "--format", "dkt", "--train", dktLog("train.csv", 1).toString(),
                "--test", dktLog("test.csv", 2).toString(), "--forgets", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) keys.add(it.next());
        assertThat(keys).containsExactlyInAnyOrder("auc", "rmse", "accuracy", "fitSeconds", "skills", "responses");
        assertThat(json.get("responses").asInt()).isEqualTo(2400);
        assertThat(json.get("skills").asInt()).isEqualTo(2);
        assertThat(json.get("auc").asDouble()).isBetween(0.6, 1.0);
        assertThat(run.out().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void evalPrintsAReadableSummary() throws Exception {
        Cli.Run run = Cli.run("kt", "eval", "--format", "dkt", "--train", dktLog("train.csv", 1).toString(),
                "--test", dktLog("test.csv", 2).toString(), "--restarts", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("AUC", "RMSE", "accuracy", "skills     2", "responses  2400", "fit ");
    }

    @Test
    void malformedLogIsAUserErrorWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "2\n1,1\n0,x\n");
        Cli.Run run = Cli.run("kt", "fit", "--format", "dkt", "--data", bad.toString(), "--out", dir.resolve("p.json").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":3: answer 2 must be 0 or 1, got 'x'").doesNotContain("Exception");
        assertThat(dir.resolve("p.json")).doesNotExist();
    }

    @Test
    void unknownFormatIsRejectedByTheParser() throws Exception {
        Cli.Run run = Cli.run("kt", "fit", "--format", "csv", "--data", "x", "--out", "y");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--format");
    }

    private static Path miniPack(Path into) throws IOException, URISyntaxException {
        Path src = Path.of(KtCommandsTest.class.getResource("/packs/mini/course.yaml").toURI()).getParent();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = into.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return into;
    }

    @Test
    void attachWritesTracingJsonForMappedConcepts() throws Exception {
        Path pack = miniPack(dir.resolve("mini"));
        Path params = dir.resolve("params.json");
        assertThat(Cli.run("kt", "fit", "--format", "dkt", "--data", dktLog("train.csv", 1).toString(), "--out", params.toString()).exit()).isZero();
        Path map = dir.resolve("map.csv");
        Files.writeString(map, "skill,concept\n1,add\n2,multiply\n2,area\n");
        Cli.Run run = Cli.run("kt", "attach", "--params", params.toString(), "--mapping", map.toString(), "--course", pack.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 of 8 concepts have fitted parameters");
        JsonNode tracing = new ObjectMapper().readTree(pack.resolve("tracing.json").toFile());
        assertThat(tracing.get("concepts").get("add").get("skill").asText()).isEqualTo("1");
        assertThat(tracing.get("concepts").get("area").get("slip").asDouble())
                .isEqualTo(tracing.get("concepts").get("multiply").get("slip").asDouble());
        // The pack still loads: tracing.json is beside the YAML, not part of it.
        assertThat(Cli.run("course", "validate", pack.toString()).exit()).isZero();
    }

    @Test
    void attachReportsMappingProblemsWithTheirLines() throws Exception {
        Path pack = miniPack(dir.resolve("mini"));
        Path params = dir.resolve("params.json");
        Cli.run("kt", "fit", "--format", "dkt", "--data", dktLog("train.csv", 1).toString(), "--out", params.toString());
        Path map = dir.resolve("map.csv");
        Files.writeString(map, "skill,concept\n1,add\n9,count\n2,nowhere\n2,add\n");
        Cli.Run run = Cli.run("kt", "attach", "--params", params.toString(), "--mapping", map.toString(), "--course", pack.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(map + ":3: skill '9' is not in the parameters file",
                map + ":4: concept 'nowhere' is not in the course", map + ":5: concept 'add' is already mapped on line 2");
        assertThat(pack.resolve("tracing.json")).doesNotExist();
    }
}
