package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.messages.MessageLinter;
import org.tutorgraph.prompts.PromptDirectories;
import org.tutorgraph.prompts.PromptLinter;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tutor prompts lint [DIR]}. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        description = {
                "Check templates and message files; report problems with file:line.",
                "",
                "Each problem prints as FILE:LINE: error|warning: message.",
                "",
                "Errors (such a template is not used; the previous or shipped one is):",
                "  a header that does not parse or lacks name, purpose or agent; a name",
                "  that differs from the file name; an unknown variable; a variable its",
                "  caller does not supply (the answer below bottom-out); a body that asks",
                "  the model to reveal the answer below bottom-out; a rung or known",
                "  template that no file provides.",
                "Warnings: a declared variable the body never uses, a used one the header",
                "  does not declare, a name nothing renders, a language folder that",
                "  translates only some of the tutor templates.",
                "",
                "Message files (messages.properties, fr/messages.properties): errors for",
                "  a line without '=', a key set twice, an empty message, a key the base",
                "  file does not have, a {{placeholder}} its base message does not have,",
                "  stray braces, a malformed \\u escape, a file that is not UTF-8 (such a",
                "  file is not used). Warnings: a message that leaves out a placeholder",
                "  of its English one (unless a comment above says '# leaves out",
                "  {{name}}'), and each English message a language leaves untranslated,",
                "  with its line (those are shown in English).",
                "",
                "Without DIR, checks every template in use (--prompts DIR,",
                "$TUTORGRAPH_PROMPTS, the config file's prompts:, the XDG folder, the",
                "shipped ones). With DIR, checks the files in DIR as overrides on top of",
                "the shipped defaults.",
                "Exit code 1 on errors (with --strict, on warnings too), else 0.",
                "",
                "Examples:",
                "  tutor prompts lint",
                "  tutor prompts lint my-prompts --strict",
                ""
        })
public final class PromptsLintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory of templates to check.")
    Path dir;

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
    boolean strict;

    @Override
    public Integer call() {
        List<PromptProblem> problems;
        if (dir != null) {
            if (!Files.isDirectory(dir)) throw new UserException("tutor: no directory at " + dir);
            PromptSource source = PromptSource.user(dir);
            List<PromptSource> library = List.of(source, PromptSource.defaults());
            problems = new ArrayList<>(PromptLinter.lint(List.of(source), library));
            problems.addAll(MessageLinter.lint(List.of(source), library));
        } else {
            List<PromptSource> sources = PromptDirectories.sources(config.settings().promptDirs());
            problems = new ArrayList<>(PromptLinter.lint(sources, sources));
            problems.addAll(MessageLinter.lint(sources, sources));
        }
        problems = problems.stream().sorted(Comparator.comparing(PromptProblem::file).thenComparingInt(PromptProblem::line)).toList();
        PrintWriter out = spec.commandLine().getOut();
        for (PromptProblem p : problems) out.println(Terminal.safe(p.toString()));
        long errors = problems.stream().filter(PromptProblem::isError).count();
        long warnings = problems.size() - errors;
        out.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s")
                + (dir == null ? "" : " in " + dir));
        return errors > 0 || (strict && warnings > 0) ? ExitCodes.USER_ERROR : ExitCodes.OK;
    }
}
