package org.tutorgraph.cli.learners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerSummary;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.SessionSummary;
import org.tutorgraph.learner.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code tutor learners show ID}. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {
                "Show one learner's mastery, sessions and recent events.",
                "",
                "The mastery view gives P(mastered) per concept, the number of graded answers behind it and the "
                        + "sequence number of the event that set it. Everything read from the store is printed with "
                        + "control characters escaped.",
                "",
                "Examples:",
                "  tutor learners show alice --events 50",
                "  tutor learners show alice --json",
                ""
        })
public final class LearnersShowCommand implements Runnable {

    private static final int PAYLOAD_WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "ID", converter = LearnerIdConverter.class,
            description = "The learner's id (letters, digits, '.', '_', '-').")
    LearnerId id;

    @Option(names = "--events", paramLabel = "N", defaultValue = "20",
            description = "How many of the most recent events to show (default: ${DEFAULT-VALUE}; 0 for none).")
    int recent;

    @Option(names = "--json", description = "Print one JSON object (summary, mastery, sessions, events) instead of text.")
    boolean json;

    @Override
    public void run() {
        if (recent < 0) throw new UserException("tutor: --events must be 0 or more, got " + recent);
        Optional<LearnerStore> opened = store.openIfExists();
        if (opened.isEmpty()) throw new UserException("tutor: no learner '" + id + "' (no store at " + store.location() + ")");
        try (LearnerStore s = opened.get()) {
            LearnerSummary summary = s.learner(id)
                    .orElseThrow(() -> new UserException("tutor: no learner '" + id + "' in " + s.describe()));
            Map<String, Mastery> mastery = s.mastery(id);
            List<SessionSummary> sessions = s.sessions(id);
            List<StoredEvent> events = recent == 0 ? List.of() : s.eventsAfter(id, Math.max(0, summary.events() - recent));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Terminal.safe(json(summary, mastery, sessions, events)));
            } else {
                out.print(Terminal.safe(text(s.describe(), summary, mastery, sessions, events)));
            }
            out.flush();
        }
    }

    private static String text(String where, LearnerSummary l, Map<String, Mastery> mastery,
                               List<SessionSummary> sessions, List<StoredEvent> events) {
        StringBuilder sb = new StringBuilder();
        sb.append("learner ").append(l.id()).append(" in ").append(where).append('\n');
        sb.append(String.format("  %s, %s, first seen %s, last seen %s%n", Format.count(l.events(), "event"),
                Format.count(l.sessions(), "session"), Format.instant(l.firstSeen()), Format.instant(l.lastSeen())));

        sb.append(String.format("%nmastery (%d concept%s)%n", mastery.size(), mastery.size() == 1 ? "" : "s"));
        if (!mastery.isEmpty()) {
            int w = Math.max(7, mastery.keySet().stream().mapToInt(k -> Math.min(40, k.length())).max().orElse(7));
            String row = "  %-" + w + "s  %11s  %8s  %6s%n";
            sb.append(String.format(row, "CONCEPT", "P(MASTERED)", "EVIDENCE", "SEQ"));
            for (Mastery m : mastery.values()) {
                sb.append(String.format(row, Format.cut(m.concept(), 40), String.format("%.3f", m.posterior()),
                        m.evidence(), m.seq()));
            }
        }

        sb.append(String.format("%nsessions (%d)%n", sessions.size()));
        if (!sessions.isEmpty()) {
            int w = Math.max(2, sessions.stream().mapToInt(x -> x.id().length()).max().orElse(2));
            String row = "  %-" + w + "s  %6s  %-13s  %-20s  %s%n";
            sb.append(String.format(row, "ID", "EVENTS", "SEQ", "STARTED", "LAST"));
            for (SessionSummary x : sessions) {
                sb.append(String.format(row, x.id(), x.events(), x.firstSeq() + ".." + x.lastSeq(),
                        Format.instant(x.started()), Format.instant(x.last())));
            }
        }

        sb.append(String.format("%nrecent events (%d of %d)%n", events.size(), l.events()));
        if (!events.isEmpty()) {
            int sw = Math.max(7, events.stream().mapToInt(e -> e.session().length()).max().orElse(7));
            int tw = Math.max(4, events.stream().mapToInt(e -> e.type().length()).max().orElse(4));
            String row = "  %6s  %-20s  %-" + sw + "s  %-" + tw + "s  %s%n";
            sb.append(String.format(row, "SEQ", "AT", "SESSION", "TYPE", "PAYLOAD"));
            for (StoredEvent e : events) {
                sb.append(String.format(row, e.seq(), Format.instant(e.at()), e.session(), e.type(),
                        Format.cut(e.payload(), PAYLOAD_WIDTH)));
            }
        }
        return sb.toString();
    }

    private static String json(LearnerSummary l, Map<String, Mastery> mastery, List<SessionSummary> sessions,
                               List<StoredEvent> events) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("id", l.id().value()).put("events", l.events()).put("sessions", l.sessions())
                .put("firstSeen", l.firstSeen().toString()).put("lastSeen", l.lastSeen().toString());
        ArrayNode m = root.putArray("mastery");
        for (Mastery x : mastery.values()) {
            m.addObject().put("concept", x.concept()).put("posterior", x.posterior()).put("evidence", x.evidence())
                    .put("seq", x.seq());
        }
        ArrayNode s = root.putArray("sessionList");
        for (SessionSummary x : sessions) {
            s.addObject().put("id", x.id()).put("events", x.events()).put("firstSeq", x.firstSeq())
                    .put("lastSeq", x.lastSeq()).put("started", x.started().toString()).put("last", x.last().toString());
        }
        ArrayNode e = root.putArray("recentEvents");
        for (StoredEvent x : events) {
            ObjectNode n = e.addObject().put("seq", x.seq()).put("at", x.at().toString()).put("session", x.session())
                    .put("type", x.type());
            try {
                n.set("payload", mapper.readTree(x.payload()));
            } catch (JsonProcessingException notJson) {
                n.put("payload", x.payload());
            }
        }
        return root.toPrettyString();
    }
}
