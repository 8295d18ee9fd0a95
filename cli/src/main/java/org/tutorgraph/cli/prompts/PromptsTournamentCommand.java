package org.tutorgraph.cli.prompts;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.model.chat.ChatModel;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
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
import java.util.List;

/** {@code tutor prompts tournament}. */
@Command(name = "tournament",
        mixinStandardHelpOptions = true,
        sortOptions = false,
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
                "Needs a model (see --base-url). The judges' templates are",
                "judge-<criterion>.md: override them, or add criteria, in your prompts",
                "directory.",
                "",
                "Example:",
                "  tutor prompts tournament --variants default,my-prompts --cases sample \\",
                "      --judges 3 --base-url http://localhost:11434/v1 --model llama3.1 \\",
                "      --out results"
        })
public final class PromptsTournamentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--variants", required = true, split = ",", paramLabel = "A,B[,C...]", hideParamSyntax = true,
            description = "Variant folders (or 'default'), at least two; each is named after its folder.")
    List<String> variants;

    @Option(names = "--cases", required = true, paramLabel = "FILE",
            description = "Case file (YAML/JSON; see tutor prompts cases), or 'sample' for the shipped algebra cases.")
    String cases;

    @Option(names = "--judges", required = true, paramLabel = "N", description = "Judges on the panel (each with its own persona).")
    int judges;

    @Option(names = "--rounds", paramLabel = "R", description = "Glicko-2 rating periods the cases are dealt into (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for dealing cases and ordering replies (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for report.md and the CSV files.")
    Path out;

    @Option(names = "--criteria", split = ",", paramLabel = "C1,C2,...", hideParamSyntax = true,
            description = "Judging criteria, each a template judge-<criterion> (default: format,dialogue-support,appropriateness,no-answer).")
    List<String> criteria = new ArrayList<>(PromptRegistry.DEFAULT_CRITERIA);

    @Option(names = "--tau", paramLabel = "TAU", description = "Glicko-2 system constant (default: ${DEFAULT-VALUE}).")
    double tau = Glicko2.DEFAULT_TAU;

    @Mixin
    PromptDirOption prompts;

    @Mixin
    ModelOptions model;

    @Override
    public void run() {
        ChatModel tutorModel = model.tutorModel(System.getenv());
        ChatModel judgeModel = model.judgeModel(System.getenv());
        if (judges < 1) throw new UserException("tutor: --judges must be at least 1");
        if (rounds < 1) throw new UserException("tutor: --rounds must be at least 1");
        if (variants.size() < 2) throw new UserException("tutor: --variants needs at least two, e.g. --variants default,my-prompts");
        List<Tournament.Variant> vs = new ArrayList<>();
        for (String v : variants) {
            if (v.equals("default")) {
                vs.add(new Tournament.Variant("default", PromptLibrary.load(List.of(PromptSource.defaults()))));
                continue;
            }
            Path dir = Path.of(v);
            if (!Files.isDirectory(dir)) throw new UserException("tutor: --variants: no folder at " + v + " (a variant is a folder of template overrides, or 'default')");
            Path fileName = dir.toAbsolutePath().normalize().getFileName();
            vs.add(new Tournament.Variant(fileName == null ? v : fileName.toString(), PromptLibrary.withOverrides(dir)));
        }
        List<TournamentCase> caseList = readCases();
        PrintWriter err = spec.commandLine().getErr();
        Tournament.Settings settings;
        try {
            settings = new Tournament.Settings(criteria, judges, rounds, seed, tau);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor: " + e.getMessage());
        }
        Tournament tournament = new Tournament(tutorModel, judgeModel, prompts.library(), settings, line -> {
            err.println(Terminal.safe(line));
            err.flush();
        });
        TournamentResult result;
        try {
            result = tournament.run(vs, caseList);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor: " + e.getMessage());
        } catch (LangChain4jException e) {
            throw new UserException("tutor: a model call failed (" + model.describe() + "): " + e.getMessage());
        } catch (RuntimeException e) {
            Throwable io = e;
            while (io != null && !(io instanceof java.io.IOException)) io = io.getCause();
            if (io == null) throw e;
            throw new UserException("tutor: cannot reach the model server (" + model.describe() + "): " + io
                    + ". Is it running, and is --base-url right (it usually ends in /v1)?");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(Terminal.safe(TournamentReport.terminal(result)));
        if (out != null) {
            try {
                TournamentReport.write(result, out, "Prompt tournament: " + String.join(" vs ", result.ranking()));
            } catch (IOException e) {
                throw new UserException("tutor: cannot write " + out + ": " + e.getMessage());
            }
            o.println(Terminal.safe("\nwrote " + String.join(", ", TournamentReport.FILES) + " to " + out));
        }
        o.flush();
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
