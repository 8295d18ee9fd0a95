package org.tutorgraph.cli.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code tutor learners list}. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {
                "List every learner with events, sessions and activity dates.",
                "",
                "First and last activity are in UTC. Reading never creates a store: when",
                "there is none yet, it says so and exits 0.",
                "",
                "Examples:",
                "  tutor learners list",
                "  tutor learners list --json --store /srv/tutor/learners.db",
                ""
        })
public final class LearnersListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print a JSON array instead of a table (for scripts).")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<LearnerStore> opened = store.openIfExists();
        List<LearnerSummary> learners;
        String where;
        if (opened.isEmpty()) {
            learners = List.of();
            where = store.location();
        } else {
            try (LearnerStore s = opened.get()) {
                learners = s.learners();
                where = s.describe();
            }
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (LearnerSummary l : learners) {
                array.addObject().put("id", l.id().value()).put("events", l.events()).put("sessions", l.sessions())
                        .put("firstSeen", l.firstSeen().toString()).put("lastSeen", l.lastSeen().toString());
            }
            out.println(Terminal.safe(array.toPrettyString()));
            return;
        }
        if (learners.isEmpty()) {
            out.println(Terminal.safe(opened.isEmpty() ? "no learners yet (no store at " + where + ")" : "no learners in " + where));
            return;
        }
        int idWidth = Math.max(2, learners.stream().mapToInt(l -> l.id().value().length()).max().orElse(2));
        String row = "%-" + idWidth + "s  %8s  %8s  %-20s  %s%n";
        out.printf(row, "ID", "EVENTS", "SESSIONS", "FIRST SEEN", "LAST SEEN");
        for (LearnerSummary l : learners) {
            out.print(Terminal.safe(String.format(row, l.id(), l.events(), l.sessions(),
                    Format.instant(l.firstSeen()), Format.instant(l.lastSeen()))));
            out.flush();
        }
        out.println(Terminal.safe(Format.count(learners.size(), "learner") + " in " + where));
    }
}
