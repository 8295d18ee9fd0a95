package org.tutorgraph.learner;

/**
 * Proof that one session owns a learner for now ({@link LearnerStore#acquireSession}). Closing it lets the next
 * session in; if the holder's process dies without closing it, the operating system (SQLite: a file lock) or the
 * server (PostgreSQL: an advisory lock tied to the connection) releases it.
 */
public interface SessionLease extends AutoCloseable {

    LearnerId learner();

    String sessionId();

    /** Releases the lease; calling it again does nothing. */
    @Override
    void close();
}
