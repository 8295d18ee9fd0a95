package org.tutorgraph.cli.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor eval …}: benchmarks that print figures. */
@Command(name = "eval",
        description = "Benchmarks on real or simulated data; each prints its figures (add --json for scripts).",
        mixinStandardHelpOptions = true,
        subcommands = {
                EvalDiagnosisCommand.class,
                EvalTokensCommand.class,
                EvalGuardCommand.class,
                EvalPlannerCommand.class,
        })
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
