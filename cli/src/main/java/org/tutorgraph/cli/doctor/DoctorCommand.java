package org.tutorgraph.cli.doctor;

import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.ModelOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.models.Models;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.doctor.Check;
import org.tutorgraph.models.doctor.ModelDoctor;
import org.tutorgraph.models.doctor.RoleReport;
import org.tutorgraph.models.secret.Redactor;
import org.tutorgraph.prompts.PromptProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tutor doctor}: checks each configured model end to end and says what to fix. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        description = {
                "Check the model behind each agent, end to end.",
                "",
                "For the Tutor, the Diagnostician and the Planner (and the tournament's",
                "judge when it has a model of its own): the server answers and lists its",
                "models, the configured model is among them, a tiny structured answer",
                "parses and, for the tutor, a short answer streams to its end. Then the",
                "prompt templates in use must load. Every failure says what to fix. The",
                "offline backend needs nothing.",
                "",
                "Settings come from the config file, then environment variables, then these",
                "flags (a later source wins; see src/docs/backends.md). A --base-url",
                "without --backend means an OpenAI-compatible server. API keys come from",
                "$OPENAI_API_KEY (or the variable named by --api-key-env) or a file named by",
                "--api-key-file; they are never printed.",
                "",
                "Examples:",
                "  tutor doctor --backend ollama --model llama3.2",
                "  tutor doctor --backend openai --base-url http://localhost:8000/v1 \\",
                "               --model qwen2.5-7b-instruct",
                "  OPENAI_API_KEY=... tutor doctor --backend openai --grader-model gpt-4o-mini",
                "",
                "Exit status: 0 when every configured model works, 1 otherwise.",
                ""
        })
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    ModelOptions models = new ModelOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = models.settings();
        out.println("tutor doctor: " + settings.configFile().map(p -> "config " + p).orElse("no config file")
                + (settings.stream() ? "" : ", streaming off"));
        if (settings.allOffline()) {
            out.println("Every agent is offline: no model is needed. The tutor uses the course's authored hints.");
            out.println("To use a model, see 'tutor doctor --help' (e.g. --backend ollama --model llama3.2).");
            return ExitCodes.OK;
        }
        List<RoleReport> reports = new ModelDoctor().run(settings);
        int failures = 0;
        for (RoleReport r : reports) {
            out.println();
            out.println(safe(r.role().title() + ": " + r.settings().describe()));
            if (r.settings().offline()) {
                out.println("  offline: no model needed");
                continue;
            }
            if (r.sameAs().isPresent()) {
                out.println("  same model as the " + r.sameAs().get().key() + ": checked above");
                continue;
            }
            if (!r.settings().keyNote().isEmpty()) out.println(safe("  note  " + r.settings().keyNote()));
            for (Check c : r.checks()) {
                out.println(safe(String.format(Locale.ROOT, "  %-5s %s: %s%s", label(c.status()), c.what(), c.detail(),
                        c.status() == Check.Status.SKIPPED ? "" : " (" + ModelSettings.seconds(c.took()) + ")")));
                if (c.failed()) {
                    failures++;
                    out.println(safe("        fix: " + c.fix()));
                }
            }
        }
        failures += prompts(out, settings);
        out.println();
        if (failures == 0) {
            out.println("All configured models work.");
            return ExitCodes.OK;
        }
        out.println(failures + " problem" + (failures == 1 ? "" : "s") + " found. Until fixed, the tutor carries on offline "
                + "for the agents concerned.");
        return ExitCodes.USER_ERROR;
    }

    /**
     * The prompt templates the models will read, resolved as every command resolves them: which folders override the
     * shipped ones, and any file that cannot be used. Returns the number of problems.
     */
    private static int prompts(PrintWriter out, Settings settings) {
        out.println();
        out.println(safe("Prompt templates: " + (settings.promptDirs().isEmpty() ? "the shipped ones"
                : settings.promptDirs().stream().map(Path::toString).collect(Collectors.joining(", "))
                + ", over the shipped ones")));
        List<PromptProblem> problems = Models.promptLibrary(settings).problems();
        if (problems.isEmpty()) {
            out.println("  ok    every template loads (tutor prompts lint also checks variables and wording)");
            return 0;
        }
        for (PromptProblem p : problems) out.println(safe("  FAIL  " + p));
        out.println("        fix: edit or remove the file ('tutor prompts lint' lists every problem); until then the "
                + "version named above is used");
        return problems.size();
    }

    private static String label(Check.Status s) {
        return switch (s) {
            case OK -> "ok";
            case FAIL -> "FAIL";
            case SKIPPED -> "skip";
        };
    }

    private static String safe(String text) {
        return Terminal.safe(Redactor.scrub(text));
    }
}
