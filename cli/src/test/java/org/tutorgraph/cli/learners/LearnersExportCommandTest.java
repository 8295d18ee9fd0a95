package org.tutorgraph.cli.learners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.TutorCommand;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.records.bench.StoreBench;
import org.tutorgraph.session.agent.CourseContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tutor learners export}: files, the DataShop round trip through {@code tutor kt fit}, the LRS push, errors. */
class LearnersExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static String store;
    private static List<LearnerId> learners;
    private static WireMockServer lrs;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run tutor(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == LearnersExportCommand.class) return (K) new LearnersExportCommand(env);
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cmd = ExitCodes.configure(new CommandLine(new TutorCommand(), factory));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run tutor(String... args) {
        return tutor(Map.of(), args);
    }

    @BeforeAll
    static void simulate() throws Exception {
        store = shared.resolve("learners.db").toString();
        try (LearnerStore s = LearnerStores.open(store)) {
            StoreBench bench = new StoreBench(s, CourseContext.of(BundledCourse.load()), new StoreBench.Settings(3, 30, 1, 15, 5));
            assertThat(bench.run(line -> { }).clean()).isTrue();
            learners = bench.learnerIds();
        }
        lrs = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").jettyStopTimeout(100L));
        lrs.start();
    }

    @AfterAll
    static void stop() {
        lrs.stop();
    }

    @Test
    void exportsOneLearnersStatementsToAFileAndTheSameAgain() throws Exception {
        Path file = tmp.resolve("ada.json");
        String who = learners.get(0).value();
        Run r = tutor("learners", "export", who, "--format", "xapi", "--out", file.toString(), "--store", store);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode statements = JSON.readTree(file.toFile());
        assertThat(statements.isArray()).isTrue();
        assertThat(r.out()).isEqualTo("exported " + statements.size() + " statements of 1 learner to " + file + "\n");
        Set<String> ids = new HashSet<>();
        for (JsonNode s : statements) {
            assertThat(s.at("/actor/account/name").asText()).isEqualTo(who);
            ids.add(s.get("id").asText());
        }
        assertThat(ids).hasSize(statements.size());
        String first = Files.readString(file);
        assertThat(first).startsWith("[\n{\"id\":").endsWith("}\n]\n");

        assertThat(tutor("learners", "export", who, "--format", "xapi", "--out", file.toString(), "--store", store).exit()).isZero();
        assertThat(Files.readString(file)).isEqualTo(first);
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file); // no part file left behind
        }
    }

    @Test
    void writesJsonLinesToStandardOutput() throws Exception {
        Run r = tutor("learners", "export", "--all", "--format", "xapi", "--json-lines", "--store", store,
                "--home-page", "https://school.example", "--activity-base", "https://school.example/tutor/");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(JSON.readTree(l).at("/object/id").asText())
                .startsWith("https://school.example/tutor/course/"));
        assertThat(r.err()).isEqualTo("exported " + lines.size() + " statements of 3 learners\n");
    }

    @Test
    void aDataShopExportFitsBackWithKtFit() throws Exception {
        Path steps = tmp.resolve("steps.tsv");
        Run r = tutor("learners", "export", "--all", "--format", "datashop", "--out", steps.toString(), "--store", store);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(steps);
        assertThat(lines.get(0)).startsWith("Row\tAnon Student Id\tProblem Hierarchy\tProblem Name\tProblem View\tStep Name\t")
                .endsWith("\tCorrect First Attempt\tIncorrects\tHints\tCorrects\tKC(Default)\tOpportunity(Default)");
        assertThat(r.out()).isEqualTo("exported " + (lines.size() - 1) + " steps of 3 learners to " + steps + "\n");

        Path params = tmp.resolve("params.json");
        Run fit = tutor("kt", "fit", "--format", "datashop", "--data", steps.toString(), "--out", params.toString(),
                "--restarts", "2");
        assertThat(fit.exit()).as(fit.err() + fit.out()).isZero();
        assertThat(fit.out()).contains("3 students");
        JsonNode p = JSON.readTree(params.toFile());
        assertThat(p.toString()).contains("slip").contains("guess");
    }

    @Test
    void pushesToAnLrsWithCredentialsFromTheEnvironment() {
        lrs.resetAll();
        lrs.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(200).withBody("[]")));
        String secret = "pw-" + System.nanoTime();
        Run r = tutor(Map.of("TUTORGRAPH_LRS_USER", "tutor", "TUTORGRAPH_LRS_PASSWORD", secret),
                "learners", "export", "--all", "--format", "xapi", "--store", store,
                "--lrs", "http://127.0.0.1:" + lrs.port() + "/xapi", "--lrs-batch", "40");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)exported \\d+ statements of 3 learners\npushed \\d+ statements to "
                + "http://127.0.0.1:\\d+/xapi/statements: \\d+ stored, 0 already there \\(\\d+ requests, 0 retries\\)\n");
        assertThat(r.out() + r.err()).doesNotContain(secret);
        assertThat(lrs.findAll(postRequestedFor(urlEqualTo("/xapi/statements")))).isNotEmpty()
                .allSatisfy(req -> assertThat(JSON.readTree(req.getBodyAsString()).size()).isBetween(1, 40));
    }

    @Test
    void anLrsRefusalIsAUserErrorWithoutTheSecret() {
        lrs.resetAll();
        lrs.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(401)));
        Run r = tutor(Map.of("TUTORGRAPH_LRS_AUTH", "key:very-secret"), "learners", "export", learners.get(1).value(),
                "--format", "xapi", "--store", store, "--lrs", "http://127.0.0.1:" + lrs.port() + "/xapi");
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("answered 401 Unauthorized").doesNotContain("very-secret").doesNotContain("\tat ");
    }

    @Test
    void saysWhatIsWrongWithTheArguments() {
        assertThat(tutor("learners", "export", "--format", "xapi", "--store", store).err())
                .contains("give a learner ID or --all");
        assertThat(tutor("learners", "export", "x", "--all", "--format", "xapi", "--store", store).err())
                .contains("give a learner ID or --all");
        assertThat(tutor("learners", "export", "nobody", "--format", "xapi", "--store", store).err())
                .contains("no learner 'nobody' in");
        assertThat(tutor("learners", "export", "--all", "--format", "datashop", "--lrs", "https://lrs.example/xapi",
                "--store", store).err()).contains("--lrs needs --format xapi");
        assertThat(tutor("learners", "export", "--all", "--format", "xapi", "--home-page", "school", "--store", store).err())
                .contains("home page must be an absolute IRI");
        assertThat(tutor("learners", "export", "--all", "--format", "xapi", "--lrs", "https://u:p@lrs.example/x",
                "--store", store).err()).contains("must not carry credentials");
        Run missing = tutor("learners", "export", "--all", "--format", "xapi", "--store", tmp.resolve("none.db").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("no learner store at");
        assertThat(Files.exists(tmp.resolve("none.db"))).isFalse();
        assertThat(tutor("learners", "export", "--all", "--format", "pdf", "--store", store).exit()).isEqualTo(ExitCodes.USER_ERROR);
        Run noDir = tutor("learners", "export", "--all", "--format", "xapi", "--store", store,
                "--out", tmp.resolve("no/such/dir/x.json").toString());
        assertThat(noDir.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(noDir.err()).contains("no directory").doesNotContain("\tat ");
    }
}
