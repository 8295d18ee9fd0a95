package org.tutorgraph.cli.learners;

import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.learner.DeletedLearner;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;

/** {@code tutor learners delete ID}. */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        description = {
                "Delete one learner's log, sessions and mastery view.",
                "",
                "Everything goes in one transaction. It does not ask for confirmation, so it takes the exact id "
                        + "only (no patterns), reports what it removed, and exits 1 when there was no such learner. "
                        + "It is refused while that learner is in a tutoring session.",
                "",
                "Example:",
                "  tutor learners delete alice",
                ""
        })
public final class LearnersDeleteCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "ID", converter = LearnerIdConverter.class,
            description = "The learner's exact id.")
    LearnerId id;

    @Override
    public void run() {
        Optional<LearnerStore> opened = store.openIfExists();
        if (opened.isEmpty()) throw new UserException("tutor: no learner '" + id + "' (no store at " + store.location() + ")");
        try (LearnerStore s = opened.get()) {
            DeletedLearner d = s.delete(id)
                    .orElseThrow(() -> new UserException("tutor: no learner '" + id + "' in " + s.describe()));
            spec.commandLine().getOut().println(Terminal.safe("deleted learner " + d.id() + " from " + s.describe()
                    + ": " + Format.count(d.events(), "event") + ", " + Format.count(d.sessions(), "session") + ", "
                    + Format.count(d.concepts(), "mastery row")));
        }
    }
}
