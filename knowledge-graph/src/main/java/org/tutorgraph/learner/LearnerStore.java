package org.tutorgraph.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where learners' event logs live. The log is the source of truth; the mastery view is derived from it
 * ({@link MasteryEvents}) and can be rebuilt at any time. Implementations: SQLite (the default, one file under the
 * XDG data directory) and PostgreSQL; nothing outside this package knows which one it talks to.
 *
 * <p>Every method is safe to call from several threads. Every write is one transaction: after a crash, a batch
 * passed to {@link #append} is either entirely in the log or not at all.
 */
public interface LearnerStore extends AutoCloseable {

    /**
     * Appends {@code events} to the learner's log in one transaction, numbering them after the last stored event, and
     * folds any {@link MasteryEvents#TYPE} events into the mastery view in the same transaction.
     *
     * @return the stored events, with their sequence numbers and timestamps
     */
    List<StoredEvent> append(LearnerId learner, String session, List<NewEvent> events);

    /** The learner's whole log, in order. */
    List<StoredEvent> events(LearnerId learner);

    /** The learner's events after {@code afterSeq}, in order. */
    List<StoredEvent> eventsAfter(LearnerId learner, long afterSeq);

    /** Every event of one session, in order; empty when the session is unknown. */
    List<StoredEvent> session(String sessionId);

    /** The sessions of a learner, oldest first. */
    List<String> sessions(LearnerId learner);

    /** The learner's mastery view: concept id → latest posterior. */
    Map<String, Mastery> mastery(LearnerId learner);

    /** Recomputes the learner's mastery view from the log (after a migration or to check consistency). */
    void rebuildMastery(LearnerId learner);

    /** Every learner with at least one event. */
    List<LearnerSummary> learners();

    Optional<LearnerSummary> learner(LearnerId learner);

    /** Deletes the learner's log and view; false when there was nothing to delete. */
    boolean delete(LearnerId learner);

    /** A human description of where this store is (a file path or a JDBC URL without credentials). */
    String describe();

    @Override
    void close();
}
