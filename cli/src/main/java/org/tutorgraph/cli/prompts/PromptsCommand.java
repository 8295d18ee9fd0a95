package org.tutorgraph.cli.prompts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor prompts …}: the educator's prompt templates. */
@Command(name = "prompts",
        mixinStandardHelpOptions = true,
        description = {
                "Shape how the tutor speaks, without touching Java.",
                "",
                "Every model call reads its prompt from a template file. Templates ship",
                "inside the program. Override any of them, file by file, in folders of",
                "your own; the first that has a file wins:",
                "  --prompts DIR",
                "  $TUTORGRAPH_PROMPTS",
                "  prompts: in the config file (see tutor doctor --help)",
                "  $XDG_CONFIG_HOME/tutorgraph/prompts/ (~/.config/tutorgraph/prompts/)",
                "Every command (chat, doctor, eval tokens, prompts ...) uses this order.",
                "Translations go in a language folder, e.g. fr/tutor-probe.md.",
                "",
                "Start with:  tutor prompts list",
                "             tutor prompts show tutor-probe > MYDIR/tutor-probe.md",
                "Then edit it and check:  tutor prompts lint",
                "                         tutor prompts render tutor-probe",
                ""
        },
        subcommands = {
                PromptsListCommand.class,
                PromptsShowCommand.class,
                PromptsLintCommand.class,
                PromptsRenderCommand.class,
                PromptsDiffCommand.class,
                PromptsVarsCommand.class,
                PromptsCasesCommand.class,
                PromptsTournamentCommand.class,
        })
public final class PromptsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
