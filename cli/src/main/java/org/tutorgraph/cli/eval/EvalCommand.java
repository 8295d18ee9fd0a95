package org.tutorgraph.cli.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor eval …}: measure parts of the tutor on public data and print the figures. */
@Command(name = "eval",
        description = {
                "Measure parts of the tutor on public data (e.g. ../shared/data) and print the figures.",
                "These are benchmarks, not tests: they need the data folder and may take a while."
        },
        mixinStandardHelpOptions = true,
        subcommands = {
                EvalGuardCommand.class,
        })
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
