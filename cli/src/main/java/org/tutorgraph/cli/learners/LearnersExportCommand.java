package org.tutorgraph.cli.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerSummary;
import org.tutorgraph.records.LearnerLog;
import org.tutorgraph.records.datashop.DataShopExport;
import org.tutorgraph.records.datashop.DataShopWriter;
import org.tutorgraph.records.datashop.Step;
import org.tutorgraph.records.lrs.LrsClient;
import org.tutorgraph.records.lrs.LrsCredentials;
import org.tutorgraph.records.lrs.LrsException;
import org.tutorgraph.records.xapi.XapiExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tutor learners export}: learners' records as xAPI statements or a DataShop step log, optionally to an LRS. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Export learners' records for other systems.",
                "",
                "--format xapi: xAPI 1.0.3 statements, as a JSON array (one statement per",
                "line; --json-lines drops the brackets). Each learning event becomes a",
                "statement: answered, asked (a hint), attempted (an item shown), progressed",
                "(mastery), mastered, completed, skipped, initialized/resumed/terminated (a",
                "session). The actor is an account (--home-page, learner id); activity ids",
                "are built from --activity-base, the course and the concept or item id.",
                "Statement ids are name-based UUIDs of the store, the learner and the event,",
                "so exporting again gives the same ids and an LRS keeps one copy.",
                "",
                "--format datashop: a PSLC DataShop student-step log (tab separated, the",
                "columns of a Cognitive Tutor export), one row per item attempted and per",
                "diagnosis question, Correct First Attempt as the tutor's own tracing saw",
                "it. `tutor kt fit --format datashop` reads it back.",
                "",
                "--lrs URL pushes the statements to a Learning Record Store (POST",
                "URL/statements in batches, retried on server errors and timeouts, never",
                "duplicated). Basic-auth credentials come from the environment only:",
                "TUTORGRAPH_LRS_USER and TUTORGRAPH_LRS_PASSWORD, or TUTORGRAPH_LRS_AUTH",
                "as KEY:SECRET.",
                "",
                "Examples:",
                "  tutor learners export ada --format xapi --out ada.json",
                "  tutor learners export --all --format datashop --out steps.tsv",
                "  tutor kt fit --format datashop --data steps.tsv --out params.json",
                "  TUTORGRAPH_LRS_AUTH=key:secret tutor learners export --all --format xapi \\",
                "      --lrs https://lrs.example/xapi",
                ""
        })
public final class LearnersExportCommand implements Callable<Integer> {

    /** The export formats. */
    public enum Format { XAPI, DATASHOP }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", converter = LearnerIdConverter.class,
            description = "The learner to export (or --all).")
    LearnerId id;

    @Option(names = "--all", order = 1, description = "Export every learner of the store, in id order.")
    boolean all;

    @Option(names = "--format", required = true, order = 2, paramLabel = "xapi|datashop",
            description = "xapi (JSON statements) or datashop (tab-separated step log).")
    Format format;

    @Option(names = "--out", order = 3, paramLabel = "FILE",
            description = "Write to FILE (replaced whole at the end; nothing is left half-written). Default: standard "
                    + "output, unless --lrs is given.")
    Path out;

    @Option(names = "--json-lines", order = 4, description = "xapi: one statement per line, without the array brackets.")
    boolean jsonLines;

    @Option(names = "--home-page", order = 5, paramLabel = "IRI",
            description = "xapi: the actor account's homePage, the system the learner ids belong to (default: "
                    + XapiExport.Options.DEFAULT_HOME_PAGE + ").")
    String homePage;

    @Option(names = "--activity-base", order = 6, paramLabel = "IRI",
            description = "xapi: prefix of activity ids, e.g. https://school.example/tutor/ (default: "
                    + XapiExport.Options.DEFAULT_ACTIVITY_BASE + ").")
    String activityBase;

    @Option(names = "--language", order = 7, paramLabel = "TAG",
            description = "xapi: language tag of course names and prompts (default: " + XapiExport.Options.DEFAULT_LANGUAGE + ").")
    String language;

    @Option(names = "--lrs", order = 8, paramLabel = "URL",
            description = "xapi: push the statements to this LRS xAPI endpoint (credentials from TUTORGRAPH_LRS_USER/"
                    + "TUTORGRAPH_LRS_PASSWORD or TUTORGRAPH_LRS_AUTH).")
    String lrs;

    @Option(names = "--lrs-batch", order = 9, paramLabel = "N", defaultValue = "50",
            description = "Statements per request to the LRS (default: ${DEFAULT-VALUE}).")
    int lrsBatch;

    @Mixin
    StoreOption store = new StoreOption();

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    public LearnersExportCommand() {
        this(System.getenv());
    }

    /** For tests: the environment the LRS credentials are read from. */
    LearnersExportCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            return export();
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : String.valueOf(e.getMessage());
            throw new UserException("tutor learners export: cannot write " + (out == null ? "the output" : out) + ": " + why);
        }
    }

    private Integer export() throws IOException, InterruptedException {
        if (all == (id != null)) throw new UserException("tutor learners export: give a learner ID or --all (one of them)");
        if (lrs != null && format != Format.XAPI) throw new UserException("tutor learners export: --lrs needs --format xapi");
        if (format != Format.XAPI && (jsonLines || homePage != null || activityBase != null || language != null)) {
            throw new UserException("tutor learners export: --json-lines, --home-page, --activity-base and --language "
                    + "apply to --format xapi only");
        }
        if (lrsBatch < 1) throw new UserException("tutor learners export: --lrs-batch must be at least 1");
        LrsClient client = lrs == null ? null : lrsClient();
        PrintWriter err = spec.commandLine().getErr();

        Optional<LearnerStore> opened = store.openIfExists();
        if (opened.isEmpty()) {
            throw new UserException("tutor learners export: no learner store at " + store.location());
        }
        try (LearnerStore s = opened.get()) {
            List<LearnerId> learners = all ? s.learners().stream().map(LearnerSummary::id).toList() : List.of(id);
            if (!all && s.learner(id).isEmpty()) {
                throw new UserException("tutor learners export: no learner '" + id + "' in " + s.describe());
            }
            XapiExport xapi = format == Format.XAPI ? new XapiExport(xapiOptions(s.identity())) : null;
            boolean toStdout = out == null && client == null;
            Path tmp = out == null ? null : temporaryBeside(out);
            Writer w = toStdout ? spec.commandLine().getOut()
                    : tmp == null ? Writer.nullWriter() : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            Sink sink = format == Format.XAPI ? new StatementSink(w, jsonLines) : new StepSink(w);
            long records = 0;
            try {
                for (LearnerId learner : learners) {
                    Optional<LearnerLog> log = LearnerLog.read(s, learner);
                    if (log.isEmpty()) continue; // deleted meanwhile
                    for (String p : log.get().problems()) err.println(Terminal.safe("tutor: warning: skipped " + p));
                    if (xapi != null) {
                        List<ObjectNode> statements = xapi.statements(log.get());
                        for (ObjectNode st : statements) ((StatementSink) sink).write(st);
                        records += statements.size();
                        if (client != null) push(client, statements);
                    } else {
                        for (Step step : DataShopExport.steps(log.get())) {
                            ((StepSink) sink).write(step);
                            records++;
                        }
                    }
                }
                sink.finish();
                w.flush();
                if (tmp != null) {
                    w.close();
                    moveInto(tmp, out);
                }
            } finally {
                if (tmp != null) {
                    w.close();
                    Files.deleteIfExists(tmp);
                }
            }
            PrintWriter report = toStdout ? err : spec.commandLine().getOut();
            String what = format == Format.XAPI ? "statement" : "step";
            report.printf(Locale.ROOT, "exported %,d %s%s of %d learner%s%s%n", records, what, records == 1 ? "" : "s",
                    learners.size(), learners.size() == 1 ? "" : "s",
                    out != null ? " to " + out : "");
            if (client != null) {
                LrsClient.Report r = client.report();
                report.printf(Locale.ROOT, "pushed %,d statements to %s: %,d stored, %,d already there (%,d requests, %,d retries)%n",
                        r.sent(), client.statementsUri(), r.stored(), r.alreadyStored(), r.requests(), r.retries());
            }
            report.flush();
        }
        return 0;
    }

    private XapiExport.Options xapiOptions(String identity) {
        try {
            return new XapiExport.Options(homePage, activityBase, language, identity);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor learners export: " + e.getMessage());
        }
    }

    private LrsClient lrsClient() {
        URI endpoint;
        Optional<LrsCredentials> credentials;
        try {
            endpoint = LrsClient.endpoint(lrs);
            credentials = LrsCredentials.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor learners export: --lrs: " + e.getMessage());
        }
        LrsClient.Settings d = LrsClient.Settings.defaults(endpoint);
        return new LrsClient(new LrsClient.Settings(endpoint, lrsBatch, d.maxAttempts(), d.timeout(), d.firstBackoff(),
                d.maxBackoff()), credentials);
    }

    private void push(LrsClient client, List<ObjectNode> statements) throws InterruptedException {
        try {
            client.push(statements);
        } catch (LrsException e) {
            throw new UserException("tutor learners export: " + e.getMessage());
        }
    }

    private static Path temporaryBeside(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException("tutor learners export: no directory " + dir);
        if (Files.isDirectory(abs)) throw new UserException("tutor learners export: --out " + target + " is a directory");
        return Files.createTempFile(dir, "." + abs.getFileName(), ".part");
    }

    private static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Where records go. */
    private interface Sink {
        void finish() throws IOException;
    }

    /** Statements as a JSON array with one statement per line, or as JSON lines. */
    private static final class StatementSink implements Sink {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Writer w;
        private final boolean lines;
        private boolean first = true;

        StatementSink(Writer w, boolean lines) {
            this.w = w;
            this.lines = lines;
        }

        void write(ObjectNode statement) throws IOException {
            if (!lines) w.write(first ? "[\n" : ",\n");
            w.write(JSON.writeValueAsString(statement));
            if (lines) w.write('\n');
            first = false;
        }

        @Override
        public void finish() throws IOException {
            if (!lines) w.write(first ? "[]\n" : "\n]\n");
        }
    }

    private static final class StepSink implements Sink {
        private final DataShopWriter writer;

        StepSink(Writer w) throws IOException {
            this.writer = new DataShopWriter(w);
        }

        void write(Step step) throws IOException {
            writer.write(step);
        }

        @Override
        public void finish() {
        }
    }
}
