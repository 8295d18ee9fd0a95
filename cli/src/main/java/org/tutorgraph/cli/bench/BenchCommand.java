package org.tutorgraph.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor bench}: benchmarks that print figures. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Run benchmarks that print figures.",
                "",
                "They are not tests: timings depend on the machine and its load.",
                "",
                "Examples:",
                "  tutor bench session --turns 2000",
                "  tutor bench startup --runs 10",
                ""
        },
        subcommands = {BenchSessionCommand.class, BenchStartupCommand.class, BenchStoreCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
