package org.tutorgraph.cli.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor eval …}: measure a part of the tutor on seeded instances or real data. */
@Command(name = "eval",
        description = "Evaluate a part of the tutor against baselines on seeded instances or real data.",
        mixinStandardHelpOptions = true,
        subcommands = {
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
