package org.tutorgraph.cli.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor eval …}: benchmarks that print figures. */
@Command(name = "eval",
        description = {
                "Run benchmarks on real or simulated data.",
                "",
                "Each prints its figures; add --json for scripts.",
                "",
                "Examples:",
                "  tutor eval tokens",
                "  tutor eval diagnosis --learners 200 --seed 1",
                "  tutor eval planner --synthetic 1000 --instances 200 --seed 1",
                "  tutor eval guard --data ../shared/data",
                ""
        },
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
