package org.tutorgraph.cli.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.SessionIds;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.view.TraceLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tutor trace SESSION}: a session's messages, in order. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Print the messages of one tutoring session.",
                "",
                "Every message, in order: what the student typed, each question and grading,",
                "mastery updates, plans, hints and the tutor's replies exactly as shown.",
                "",
                "Text: one line per message: the learner's sequence number, the time (UTC),",
                "the message type and a summary. With --json: JSON Lines, one object per",
                "message: {\"seq\", \"at\", \"session\", \"learner\", \"type\", \"message\"}, where",
                "\"message\" is the stored payload (the record's fields).",
                "",
                "Session ids are listed by 'tutor learners show ID'. The trace shows answers",
                "and misconceptions: it is for teachers and developers, not the learner.",
                "",
                "Examples:",
                "  tutor learners show ada",
                "  tutor trace 2025-01-31T10:15:02Z-3f2a9c",
                "  tutor trace 2025-01-31T10:15:02Z-3f2a9c --json | jq -c .message",
                ""
        })
public final class TraceCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "SESSION", description = "The session id (as 'tutor learners show' lists it).")
    String session;

    @Option(names = "--json", description = "JSON Lines (one object per message) instead of text.")
    boolean json;

    @Mixin
    StoreOption store = new StoreOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!SessionIds.isValid(session)) {
            try {
                SessionIds.requireValid(session);
            } catch (IllegalArgumentException e) {
                throw new UserException("tutor: " + e.getMessage());
            }
        }
        Optional<LearnerStore> opened = store.openIfExists();
        if (opened.isEmpty()) throw new UserException("tutor: no session '" + session + "' (no store at " + store.location() + ")");
        try (LearnerStore s = opened.get()) {
            List<StoredEvent> events = s.session(session);
            if (events.isEmpty()) {
                throw new UserException("tutor: no session '" + session + "' in " + s.describe()
                        + " ('tutor learners show ID' lists a learner's sessions)");
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            for (StoredEvent e : events) out.println(Terminal.safe(json ? json(mapper, e) : text(e)));
            out.flush();
        }
        return 0;
    }

    private static String text(StoredEvent e) {
        String summary;
        try {
            summary = MessageCodec.fromEvent(e).map(TraceLine::summary).orElse("(not a session message) " + cut(e.payload()));
        } catch (MessageCodec.UnreadableMessageException bad) {
            summary = "(unreadable: " + bad.getMessage() + ") " + cut(e.payload());
        }
        return String.format("%6d  %s  %-18s %s", e.seq(), TIME.format(e.at()), e.type(), summary);
    }

    private static String json(ObjectMapper mapper, StoredEvent e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("seq", e.seq()).put("at", e.at().toString()).put("session", e.session()).put("learner", e.learner().value())
                .put("type", e.type());
        try {
            n.set("message", MessageCodec.tree(e.payload()));
        } catch (Exception notJson) {
            n.put("message", e.payload());
        }
        return n.toString();
    }

    private static String cut(String s) {
        return s.length() <= 120 ? s : s.substring(0, 119) + "…";
    }
}
