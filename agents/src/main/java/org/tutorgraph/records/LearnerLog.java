package org.tutorgraph.records;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerSummary;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.SessionMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One learner's log as the exporters read it: each stored event with the session message it holds. Events of types
 * that are not session messages (another program's, a newer version's) are skipped; events that cannot be read are
 * skipped too and listed in {@link #problems()}, so one damaged payload does not stop an export.
 *
 * @param learner  the learner
 * @param created  when the store first saw the learner (part of the stable export ids: a learner deleted and made
 *                 again with the same id gets new ids)
 * @param entries  the readable messages, in log order
 * @param problems one line per unreadable event
 */
public record LearnerLog(LearnerId learner, Instant created, List<Entry> entries, List<String> problems) {

    /** A stored event and its message. */
    public record Entry(StoredEvent event, SessionMessage message) {
        public long seq() {
            return event.seq();
        }

        public Instant at() {
            return event.at();
        }

        public String session() {
            return event.session();
        }
    }

    public LearnerLog {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(created, "created");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** Decodes a log. O(n) in the number of events. */
    public static LearnerLog of(LearnerId learner, Instant created, List<StoredEvent> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        List<String> problems = new ArrayList<>();
        for (StoredEvent e : events) {
            try {
                Optional<SessionMessage> m = MessageCodec.fromEvent(e);
                m.ifPresent(message -> entries.add(new Entry(e, message)));
            } catch (MessageCodec.UnreadableMessageException bad) {
                problems.add("learner " + learner + ", event " + e.seq() + ": " + bad.getMessage());
            }
        }
        return new LearnerLog(learner, created, entries, problems);
    }

    /** Reads a learner's log from a store; empty when the store does not know the learner. */
    public static Optional<LearnerLog> read(LearnerStore store, LearnerId learner) {
        Optional<LearnerSummary> summary = store.learner(learner);
        if (summary.isEmpty()) return Optional.empty();
        return Optional.of(of(learner, summary.get().firstSeen(), store.events(learner)));
    }
}
