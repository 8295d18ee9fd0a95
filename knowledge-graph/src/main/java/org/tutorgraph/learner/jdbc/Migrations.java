package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, as numbered migrations, and the runner that applies them. Each database records the migrations
 * it has in {@code schema_version}; opening a store applies the missing ones in one transaction (PostgreSQL and SQLite
 * both roll DDL back), so a store is always at a version this code knows, or untouched.
 *
 * <p>Why not Flyway: three tables and two dialects do not need a classpath scanner and a megabyte of jar at every CLI
 * start, and recent Flyway releases moved SQLite support into a separate community module. The rules are Flyway's:
 * migrations are never edited once released, only added; a database newer than the code is refused rather than
 * guessed at.
 *
 * <p>The SQL is written once for both databases: SQLite maps {@code BIGINT} to INTEGER affinity and
 * {@code DOUBLE PRECISION} to REAL, and both accept {@code IF NOT EXISTS}, {@code ON CONFLICT} and
 * {@code RETURNING}. Only triggers differ.
 */
public final class Migrations {

    /** One step of the schema. */
    public record Migration(int version, String description, List<String> common, List<String> sqlite,
                            List<String> postgresql) {
        List<String> statementsFor(Dialect.Kind kind) {
            List<String> specific = kind == Dialect.Kind.SQLITE ? sqlite : postgresql;
            return java.util.stream.Stream.concat(common.stream(), specific.stream()).toList();
        }
    }

    static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
              version     INTEGER PRIMARY KEY,
              description TEXT NOT NULL,
              applied_ms  BIGINT NOT NULL
            )""";

    public static final List<Migration> ALL = List.of(
            new Migration(1, "learners, sessions, append-only events, mastery view",
                    List.of("""
                                    CREATE TABLE learners (
                                      learner_id TEXT PRIMARY KEY,
                                      last_seq   BIGINT NOT NULL CHECK (last_seq >= 0),
                                      created_ms BIGINT NOT NULL,
                                      updated_ms BIGINT NOT NULL
                                    )""",
                            """
                                    CREATE TABLE sessions (
                                      session_id TEXT PRIMARY KEY,
                                      learner_id TEXT NOT NULL REFERENCES learners (learner_id),
                                      first_seq  BIGINT NOT NULL,
                                      last_seq   BIGINT NOT NULL,
                                      events     BIGINT NOT NULL,
                                      started_ms BIGINT NOT NULL,
                                      last_ms    BIGINT NOT NULL
                                    )""",
                            "CREATE INDEX sessions_by_learner ON sessions (learner_id, started_ms)",
                            """
                                    CREATE TABLE events (
                                      learner_id TEXT NOT NULL REFERENCES learners (learner_id),
                                      seq        BIGINT NOT NULL CHECK (seq >= 1),
                                      session_id TEXT NOT NULL REFERENCES sessions (session_id),
                                      type       TEXT NOT NULL,
                                      payload    TEXT NOT NULL,
                                      at_ms      BIGINT NOT NULL,
                                      PRIMARY KEY (learner_id, seq)
                                    )""",
                            "CREATE INDEX events_by_session ON events (session_id, seq)",
                            """
                                    CREATE TABLE mastery (
                                      learner_id TEXT NOT NULL REFERENCES learners (learner_id),
                                      concept    TEXT NOT NULL,
                                      posterior  DOUBLE PRECISION NOT NULL CHECK (posterior >= 0 AND posterior <= 1),
                                      evidence   INTEGER NOT NULL CHECK (evidence >= 0),
                                      seq        BIGINT NOT NULL,
                                      PRIMARY KEY (learner_id, concept)
                                    )"""),
                    List.of("""
                            CREATE TRIGGER events_append_only BEFORE UPDATE ON events
                            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"""),
                    List.of("""
                                    CREATE FUNCTION tutorgraph_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                                    BEGIN RAISE EXCEPTION 'events are append-only'; END $$""",
                            """
                                    CREATE TRIGGER events_append_only BEFORE UPDATE ON events
                                    FOR EACH ROW EXECUTE FUNCTION tutorgraph_events_append_only()""")),
            new Migration(2, "store identity (stable export ids)",
                    List.of("""
                            CREATE TABLE store_info (
                              name  TEXT PRIMARY KEY,
                              value TEXT NOT NULL
                            )"""),
                    List.of("INSERT INTO store_info (name, value) VALUES ('identity', lower(hex(randomblob(16))))"),
                    List.of("""
                            INSERT INTO store_info (name, value)
                            VALUES ('identity', md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text))""")));

    public static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    private Migrations() {
    }

    /**
     * Brings the database behind {@code c} to {@link #latest()}. Reads the version first without locking (the common
     * case: nothing to do), then, if something is missing, locks, reads again and applies what is still missing.
     *
     * @return the version the database was at before
     */
    static int apply(Connection c, Dialect dialect, List<Migration> migrations, long nowMillis) throws SQLException {
        int latest = migrations.get(migrations.size() - 1).version();
        int before = currentVersionIfAny(c);
        if (before == latest) return before;
        dialect.begin(c);
        try {
            dialect.lockForMigration(c);
            dialect.checkOwnership(c);
            try (Statement s = c.createStatement()) {
                s.execute(CREATE_VERSION_TABLE);
            }
            int current = readVersion(c);
            if (current > latest) {
                throw new StoreException(dialect.describe() + " has schema version " + current
                        + ", written by a newer tutorgraph; this one knows versions up to " + latest + ": upgrade tutorgraph");
            }
            for (Migration m : migrations) {
                if (m.version() <= current) continue;
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statementsFor(dialect.kind())) s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.setLong(3, nowMillis);
                    p.executeUpdate();
                }
            }
            dialect.markOwnership(c);
            dialect.commit(c);
            return current;
        } catch (SQLException | RuntimeException e) {
            try {
                dialect.rollback(c);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * The schema version, or -1 when it cannot be read without a transaction (no {@code schema_version} table yet, or
     * an error that the locked second reading will report properly).
     */
    static int currentVersionIfAny(Connection c) {
        try {
            return readVersion(c);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static int readVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
