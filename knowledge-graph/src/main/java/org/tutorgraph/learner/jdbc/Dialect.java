package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.StoreException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a {@link JdbcLearnerStore} runs on: how to connect, how a write transaction
 * starts, how errors read, how migrations are serialised and how a session lease is held. Everything else (the
 * schema, every query) is shared SQL that both SQLite 3.35+ and PostgreSQL 9.5+ accept.
 */
public sealed interface Dialect extends AutoCloseable permits SqliteDialect, PostgresDialect {

    enum Kind { SQLITE, POSTGRESQL }

    Kind kind();

    /** Where the store is, for messages: a file path or a JDBC URL without credentials. */
    String describe();

    /** A fresh connection with the store's settings applied (pragmas, timeouts). */
    Connection connect() throws SQLException;

    /** How many connections the store may keep open at once. */
    int maxConnections();

    /**
     * True when writes from this process should queue on an in-process lock before asking the database: SQLite has
     * one writer at a time, and a fair Java lock is kinder than several connections polling the busy handler.
     */
    boolean serialisesWrites();

    /** Starts a write transaction that holds the write lock from its first statement. */
    void begin(Connection c) throws SQLException;

    void commit(Connection c) throws SQLException;

    void rollback(Connection c) throws SQLException;

    /** True for errors after which the whole transaction may simply be run again (deadlock, serialisation). */
    boolean isTransient(SQLException e);

    /** Called inside the migration transaction, before the schema version is read: serialises concurrent openers. */
    void lockForMigration(Connection c) throws SQLException;

    /** Refuses a database that belongs to something else; called inside the migration transaction. */
    void checkOwnership(Connection c) throws SQLException;

    /** Marks the database as a tutorgraph store after migrating (SQLite's application id); may do nothing. */
    void markOwnership(Connection c) throws SQLException;

    /** Turns a driver error into a message for the user that names this store and never carries a secret. */
    StoreException translate(SQLException e, String doing);

    /** Takes the learner's session lease, or throws {@link org.tutorgraph.learner.SessionBusyException}. */
    SessionLease acquireSession(LearnerId learner, String sessionId);

    /** Releases what the dialect holds (nothing for SQLite, nothing for PostgreSQL beyond leases). */
    @Override
    default void close() {
    }
}
