package org.tutorgraph.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where learners' event logs live. The log is the source of truth; the mastery view is derived from it
 * ({@link MasteryEvents}) and can be rebuilt at any time. Implementations: SQLite (the default, one file under the
 * XDG data directory) and PostgreSQL, both opened through {@link LearnerStores#open(String)}; nothing outside this
 * package knows which one it talks to.
 *
 * <p>Every method is safe to call from several threads. Every write is one transaction: after a crash, a batch
 * passed to {@link #append} is either entirely in the log or not at all. A tutoring session first takes the
 * learner's {@link #acquireSession session lease}, so two sessions of one learner never interleave their events.
 *
 * <p>Errors of the store itself (unreachable server, damaged file, lease held elsewhere) are {@link StoreException}s
 * whose messages are fit to show the user; arguments that break the contract (a malformed payload, a bad session
 * id) are {@link IllegalArgumentException}s.
 */
public interface LearnerStore extends AutoCloseable {

    /**
     * Appends {@code events} to the learner's log in one transaction, numbering them after the last stored event, and
     * folds any {@link MasteryEvents#TYPE} events into the mastery view in the same transaction. Payloads must be JSON
     * objects; {@link MasteryEvents#TYPE} payloads must follow the contract there. A session id belongs to the first
     * learner that used it.
     *
     * @param session a session id ({@link SessionIds#PATTERN})
     * @return the stored events, with their sequence numbers and timestamps
     */
    List<StoredEvent> append(LearnerId learner, String session, List<NewEvent> events);

    /** The learner's whole log, in order; empty for an unknown learner. */
    List<StoredEvent> events(LearnerId learner);

    /** The learner's events after {@code afterSeq}, in order (a reader that remembers the last seq it saw). */
    List<StoredEvent> eventsAfter(LearnerId learner, long afterSeq);

    /** Every event of one session, in order; empty when the session is unknown. */
    List<StoredEvent> session(String sessionId);

    /** The sessions of a learner, oldest first. */
    List<SessionSummary> sessions(LearnerId learner);

    /** The learner's mastery view: concept id → latest posterior, ordered by concept id. */
    Map<String, Mastery> mastery(LearnerId learner);

    /** Recomputes the learner's mastery view from the log (after a migration or to check consistency). */
    void rebuildMastery(LearnerId learner);

    /** Every learner with at least one event, ordered by id. */
    List<LearnerSummary> learners();

    Optional<LearnerSummary> learner(LearnerId learner);

    /**
     * Takes the learner's session lease: while it is held, no other process (and no other caller in this one) can
     * take it. The operating system or the database server releases it when the holder dies, so a killed session never
     * blocks the learner.
     *
     * @throws SessionBusyException when another session holds it; the message names the holder
     */
    SessionLease acquireSession(LearnerId learner, String sessionId);

    /**
     * Deletes the learner's log, sessions and view in one transaction, under the learner's session lease (refused
     * while a session is running).
     *
     * @return what was deleted; empty when there was nothing to delete
     */
    Optional<DeletedLearner> delete(LearnerId learner);

    /**
     * This store's identity: 32 random hex digits drawn when the store was created (or upgraded to schema version 2),
     * the same for every process that opens it, and different for every other store. Exports derive stable ids from
     * it, so that a re-export of the same events yields the same ids and events of two stores never share one.
     */
    String identity();

    /** A human description of where this store is (a file path or a JDBC URL without credentials). */
    String describe();

    @Override
    void close();
}
