package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.ModelFlags;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.models.Models;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.Sourced;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.PromptSource;
import org.tutorgraph.prompts.tournament.CaseFile;
import org.tutorgraph.prompts.tournament.CaseFileException;
import org.tutorgraph.prompts.tournament.Glicko2;
import org.tutorgraph.prompts.tournament.Tournament;
import org.tutorgraph.prompts.tournament.TournamentCase;
import org.tutorgraph.prompts.tournament.TournamentReport;
import org.tutorgraph.prompts.tournament.TournamentResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tutor prompts tournament}. */
@Command(name = "tournament",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        customSynopsis = {
                "tutor prompts tournament --variants A,B[,C...] --cases FILE --judges N",
                "                         [--rounds R] [--seed S] [--out DIR] [options]"
        },
        description = {
                "Compare prompt variants with a judge panel and Glicko-2 ratings.",
                "",
                "Method of \"LLM Prompt Evaluation for Educational Applications\" (Holmes",
                "et al.). A variant is a folder of template overrides on top of the",
                "shipped defaults, or 'default'. For every case, each variant's",
                "tutor-system and rung template go to the tutor model. Judges then compare",
                "pairs of replies on each criterion, in random order and without the",
                "variants' names, and answer A, B or tie. Ratings with deviation, pairwise",
                "win probabilities and per-criterion results are printed, and written to",
                "--out as report.md and CSV files.",
                "",
                "Needs a model: the tutor's settings (flags, environment, config file, as",
                "for tutor chat) generate the replies; the judges use the judge's settings",
                "(--judge-model, judge: in the config file), else the tutor's. A failed",
                "call is counted as failed, never as a win or a loss, and the run goes on.",
                "The judges' templates are judge-<criterion>.md: override them, or add",
                "criteria, in your prompts folder.",
                "",
                "Examples:",
                "  tutor prompts tournament --variants default,my-prompts --cases sample \\",
                "      --judges 3 --backend ollama --model llama3.1 --out results",
                "  tutor prompts tournament --variants default,my-prompts --cases sample \\",
                "      --judges 3 --base-url http://localhost:8000/v1 --model qwen2.5-7b \\",
                "      --judge-backend openai --judge-model gpt-4o",
                ""
        })
public final class PromptsTournamentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--variants", required = true, split = ",", paramLabel = "A,B[,C...]", hideParamSyntax = true, order = 1,
            description = "Variant folders (or 'default'), at least two; each is named after its folder.")
    List<String> variants;

    @Option(names = "--cases", required = true, paramLabel = "FILE", order = 2,
            description = "Case file (YAML/JSON; see tutor prompts cases), or 'sample' for the shipped algebra cases.")
    String cases;

    @Option(names = "--judges", required = true, paramLabel = "N", order = 3,
            description = "Judges on the panel (each with its own persona).")
    int judges;

    @Option(names = "--rounds", paramLabel = "R", order = 4,
            description = "Glicko-2 rating periods the cases are dealt into (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seed", paramLabel = "S", order = 5,
            description = "Seed for dealing cases and ordering replies (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", order = 6, description = "Directory for report.md and the CSV files.")
    Path out;

    @Option(names = "--criteria", split = ",", paramLabel = "C1,C2,...", hideParamSyntax = true, order = 7,
            description = "Judging criteria, each a template judge-<criterion> (default: format,dialogue-support,appropriateness,no-answer).")
    List<String> criteria = new ArrayList<>(PromptRegistry.DEFAULT_CRITERIA);

    @Option(names = "--tau", paramLabel = "TAU", order = 8,
            description = "Glicko-2 system constant (default: ${DEFAULT-VALUE}).")
    double tau = Glicko2.DEFAULT_TAU;

    @Option(names = "--temperature", paramLabel = "T", order = 9,
            description = "Sampling temperature of every call, 0 to 2 (default: the server's).")
    Double temperature;

    @Mixin
    ConfigOptions config;

    @Mixin
    ModelFlags model;

    @ArgGroup(validate = false, heading = "%nJudge model (default: the tutor's, i.e. the options above):%n", order = 500)
    JudgeFlags judge = new JudgeFlags();

    /** The judge's own flags; unset ones fall back to the tutor's settings. */
    static final class JudgeFlags {
        @Option(names = "--judge-backend", paramLabel = "BACKEND", order = 501, description = "offline|openai|ollama")
        String backend;
        @Option(names = "--judge-base-url", paramLabel = "URL", description = "Its server.", order = 502)
        String baseUrl;
        @Option(names = "--judge-model", paramLabel = "NAME", description = "Its model, e.g. a larger one than the tutor's.", order = 503)
        String model;
        @Option(names = "--judge-api-key-file", paramLabel = "FILE", description = "Its API key file.", order = 504)
        String apiKeyFile;
        @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "Its API key variable.", order = 505)
        String apiKeyEnv;
        @Option(names = "--judge-timeout", paramLabel = "DURATION", description = "Its timeout.", order = 506)
        String timeout;
    }

    /** The explanation printed when no model is configured. */
    static final List<String> NEEDS_A_MODEL = List.of(
            "tutor prompts tournament needs a model: the offline backend has none (it phrases hints from the course's",
            "authored ladder and cannot try out prompt templates). Name one with flags, TUTORGRAPH_* variables or the",
            "config file (as for tutor chat; tutor doctor checks it), e.g.:",
            "  tutor prompts tournament --variants A,B --cases sample --judges 3 --backend ollama --model llama3.1",
            "  tutor prompts tournament --variants A,B --cases sample --judges 3 --base-url http://localhost:8000/v1 --model NAME",
            "vLLM, llama.cpp server, LM Studio and Ollama's /v1 are OpenAI-compatible; for api.openai.com use",
            "--backend openai --model NAME with the key in $OPENAI_API_KEY.");

    @Override
    public Integer call() {
        Settings settings = settings();
        if (settings.tutor().offline()) throw new UserException(NEEDS_A_MODEL);
        if (settings.model(ModelRole.JUDGE).offline()) {
            throw new UserException("tutor: the judges need a model, but the judge's backend is offline (set by "
                    + settings.model(ModelRole.JUDGE).origins().get("backend") + "); leave it unset to judge with the tutor's model");
        }
        if (judges < 1) throw new UserException("tutor: --judges must be at least 1");
        if (rounds < 1) throw new UserException("tutor: --rounds must be at least 1");
        if (variants.size() < 2) throw new UserException("tutor: --variants needs at least two, e.g. --variants default,my-prompts");
        List<Tournament.Variant> vs = variants();
        List<TournamentCase> caseList = readCases();
        Tournament.Settings how;
        try {
            how = new Tournament.Settings(criteria, judges, rounds, seed, tau, temperature);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(Terminal.safe("tutor: " + settings.tutor().describe()
                + (settings.model(ModelRole.JUDGE).sameModelAs(settings.tutor()) ? " (tutor and judges)"
                : " (tutor); judges: " + settings.model(ModelRole.JUDGE).describe())));
        Models models = Models.create(settings);
        Tournament tournament = new Tournament(models.gateway(ModelRole.TUTOR), models.gateway(ModelRole.JUDGE),
                Models.promptLibrary(settings), how, line -> {
            err.println(Terminal.safe(line));
            err.flush();
        });
        TournamentResult result;
        try {
            result = tournament.run(vs, caseList);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor: " + e.getMessage());
        }
        if (result.games() == 0 && !result.failures().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("tutor: no comparison could be made. " + TournamentReport.failures(result));
            for (String line : TournamentReport.failureDetails(result)) lines.add("  " + line);
            throw new UserException(lines);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(Terminal.safe(TournamentReport.terminal(result)));
        o.println();
        for (String line : models.meter().totalsReport("total")) o.println(line);
        if (out != null) {
            try {
                TournamentReport.write(result, out, "Prompt tournament: " + String.join(" vs ", result.ranking()));
            } catch (IOException e) {
                throw new UserException("tutor: cannot write " + out + ": " + e.getMessage());
            }
            o.println(Terminal.safe("\nwrote " + String.join(", ", TournamentReport.FILES) + " to " + out));
        }
        o.flush();
        return 0;
    }

    /** The settings of the tutor and the judge: the shared model flags, the judge's own, the config file, the environment. */
    Settings settings() {
        Map<String, Sourced> flags = new LinkedHashMap<>();
        model.addTo(flags);
        ModelFlags.addRole(flags, ModelRole.JUDGE, judge.backend, judge.baseUrl, judge.model, judge.apiKeyFile, judge.apiKeyEnv, judge.timeout);
        return config.settings(flags);
    }

    private List<Tournament.Variant> variants() {
        List<Tournament.Variant> vs = new ArrayList<>();
        for (String v : variants) {
            if (v.equals("default")) {
                vs.add(new Tournament.Variant("default", PromptLibrary.defaults()));
                continue;
            }
            Path dir = Path.of(v);
            if (!Files.isDirectory(dir)) throw new UserException("tutor: --variants: no folder at " + v + " (a variant is a folder of template overrides, or 'default')");
            Path fileName = dir.toAbsolutePath().normalize().getFileName();
            vs.add(new Tournament.Variant(fileName == null ? v : fileName.toString(), PromptLibrary.withOverrides(dir)));
        }
        return vs;
    }

    private List<TournamentCase> readCases() {
        Path file = cases.equals("sample") ? PromptSource.defaults().dir().resolve("tournament/algebra-cases.yaml") : Path.of(cases);
        if (!Files.isRegularFile(file)) throw new UserException("tutor: --cases: no file at " + cases + " (tutor prompts cases builds one; 'sample' is the shipped one)");
        try {
            return CaseFile.read(file);
        } catch (CaseFileException e) {
            throw new UserException(e.problems());
        } catch (IOException e) {
            throw new UserException("tutor: cannot read " + file + ": " + e.getMessage());
        }
    }
}
