package org.tutorgraph.cli.kt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor kt …}: knowledge tracing from response logs. */
@Command(name = "kt",
        description = {
                "Knowledge tracing: fit, score and attach BKT parameters.",
                "",
                "Fit Bayesian Knowledge Tracing (BKT) parameters per skill from response",
                "logs, score them on held-out logs, and attach them to a course pack's",
                "concepts.",
                "",
                "Formats: dkt (3 lines per student: count / skill ids / 0-1 answers),",
                "pybkt (CSV with order_id, skill_name, correct, user_id), datashop",
                "(PSLC DataShop step export, tab or comma separated).",
                "",
                "Examples:",
                "  tutor kt fit --format dkt --data train.csv --out params.json",
                "  tutor kt eval --format dkt --train train.csv --test test.csv",
                "  tutor kt attach --params params.json --mapping map.csv --course my-course",
                ""
        },
        mixinStandardHelpOptions = true,
        subcommands = {
                KtFitCommand.class,
                KtEvalCommand.class,
                KtAttachCommand.class,
        })
public final class KtCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
