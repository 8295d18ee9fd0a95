package org.tutorgraph.cli.learners;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor learners …}: look at and remove learners' records. */
@Command(name = "learners",
        mixinStandardHelpOptions = true,
        description = {
                "Look at, export and remove learners' records in the learner store.",
                "",
                "Each learner has an append-only log of events (answers, hints, mastery updates, plans) and a "
                        + "mastery view derived from it. The store is an SQLite file by default; --store (or "
                        + "TUTORGRAPH_STORE) points at another file or at a PostgreSQL database shared by a school.",
                "",
                "Examples:",
                "  tutor learners list",
                "  tutor learners show alice --events 50",
                "  tutor learners delete alice --store jdbc:postgresql://db.school.example/tutor",
                "  tutor learners export --all --format xapi --out statements.json",
                ""
        },
        subcommands = {
                LearnersListCommand.class,
                LearnersShowCommand.class,
                LearnersDeleteCommand.class,
                LearnersExportCommand.class,
        })
public final class LearnersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
