package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.DeletedLearner;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerSummary;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.MasteryEvents;
import org.tutorgraph.learner.NewEvent;
import org.tutorgraph.learner.SessionIds;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.SessionSummary;
import org.tutorgraph.learner.StoreException;
import org.tutorgraph.learner.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The learner store over JDBC, one implementation for SQLite and PostgreSQL: every query below is plain SQL that both
 * accept, always with bound parameters; what differs lives in the {@link Dialect}.
 *
 * <p>How an append stays gapless and atomic: in one transaction it reserves the range of sequence numbers with an
 * upsert of the learner's row ({@code … ON CONFLICT DO UPDATE SET last_seq = last_seq + n RETURNING last_seq}; on
 * PostgreSQL that row lock queues other appends of the same learner, on SQLite the transaction already holds the only
 * write lock), records or extends the session with a second upsert, inserts the events in one batch, and upserts the
 * mastery view rows of its {@link MasteryEvents#TYPE} events. Either all of it commits or none of it. Five statements,
 * so five round trips to a PostgreSQL server, commit included.
 * Cost per append: O(k log n) index work for k events on a log of n.
 */
public final class JdbcLearnerStore implements LearnerStore {

    private static final int MAX_ATTEMPTS = 3;

    /**
     * Creates the learner or reserves the next {@code n} sequence numbers, in one statement: on PostgreSQL the row lock
     * it takes queues other appends of the same learner until commit, and {@code ON CONFLICT DO UPDATE} guarantees an
     * insert or an update even when a delete of the learner commits meanwhile.
     */
    private static final String RESERVE_SEQ = """
            INSERT INTO learners (learner_id, last_seq, created_ms, updated_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT (learner_id) DO UPDATE SET last_seq = learners.last_seq + excluded.last_seq,
                                                   updated_ms = excluded.updated_ms
            RETURNING last_seq""";
    /** Records the session or extends it; changes no row when the session belongs to another learner. */
    private static final String UPSERT_SESSION = """
            INSERT INTO sessions (session_id, learner_id, first_seq, last_seq, events, started_ms, last_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET last_seq = excluded.last_seq, events = sessions.events + excluded.events,
                                                   last_ms = excluded.last_ms
            WHERE sessions.learner_id = excluded.learner_id""";
    private static final String INSERT_EVENT = """
            INSERT INTO events (learner_id, seq, session_id, type, payload, at_ms) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String UPSERT_MASTERY = """
            INSERT INTO mastery (learner_id, concept, posterior, evidence, seq) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (learner_id, concept)
            DO UPDATE SET posterior = excluded.posterior, evidence = excluded.evidence, seq = excluded.seq""";
    private static final String EVENT_COLUMNS = "learner_id, seq, session_id, type, payload, at_ms";
    private static final String EVENTS_AFTER =
            "SELECT " + EVENT_COLUMNS + " FROM events WHERE learner_id = ? AND seq > ? ORDER BY seq";
    private static final String EVENTS_OF_SESSION =
            "SELECT " + EVENT_COLUMNS + " FROM events WHERE session_id = ? ORDER BY learner_id, seq";
    private static final String SESSIONS_OF_LEARNER = """
            SELECT session_id, learner_id, first_seq, last_seq, events, started_ms, last_ms
            FROM sessions WHERE learner_id = ? ORDER BY started_ms, first_seq""";
    private static final String MASTERY_OF_LEARNER =
            "SELECT concept, posterior, evidence, seq FROM mastery WHERE learner_id = ?";
    private static final String MASTERY_EVENTS =
            "SELECT " + EVENT_COLUMNS + " FROM events WHERE learner_id = ? AND type = ? ORDER BY seq";
    private static final String SUMMARY = """
            SELECT l.learner_id, l.last_seq, l.created_ms, l.updated_ms,
                   (SELECT COUNT(*) FROM sessions s WHERE s.learner_id = l.learner_id)
            FROM learners l""";

    private final Dialect dialect;
    private final ConnectionPool pool;
    private final ReentrantLock writes;
    private final Clock clock;
    private int migratedFrom;
    private volatile String identity;

    private JdbcLearnerStore(Dialect dialect, Clock clock) {
        this.dialect = dialect;
        this.pool = new ConnectionPool(dialect::connect, dialect.maxConnections());
        this.writes = dialect.serialisesWrites() ? new ReentrantLock(true) : null;
        this.clock = clock;
    }

    /** Opens the store behind {@code dialect} and brings its schema up to date; closes everything on failure. */
    public static JdbcLearnerStore open(Dialect dialect) {
        return open(dialect, Clock.systemUTC());
    }

    static JdbcLearnerStore open(Dialect dialect, Clock clock) {
        JdbcLearnerStore store = new JdbcLearnerStore(dialect, clock);
        try {
            store.migratedFrom = store.locked(() -> store.withConnection("open the learner store",
                    c -> Migrations.apply(c, dialect, Migrations.ALL, clock.millis())));
            return store;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** The schema version the database was at when this store opened it (-1: a new database). */
    public int migratedFrom() {
        return migratedFrom;
    }

    /** The schema version the database is at now. */
    public int schemaVersion() {
        return withConnection("read the schema version", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM schema_version");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public Dialect.Kind kind() {
        return dialect.kind();
    }

    @Override
    public List<StoredEvent> append(LearnerId learner, String session, List<NewEvent> events) {
        Objects.requireNonNull(learner, "learner");
        SessionIds.requireValid(session);
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) return List.of();
        List<MasteryEvents.Update> updates = EventChecks.check(events);
        int n = events.size();
        return write("append to learner " + learner + "'s log", c -> {
            long now = clock.millis();
            long last;
            try (PreparedStatement p = c.prepareStatement(RESERVE_SEQ)) {
                p.setString(1, learner.value());
                p.setLong(2, n);
                p.setLong(3, now);
                p.setLong(4, now);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) throw new SQLException("reserving sequence numbers of learner " + learner + " returned nothing");
                    last = rs.getLong(1);
                }
            }
            long first = last - n + 1;
            try (PreparedStatement p = c.prepareStatement(UPSERT_SESSION)) {
                p.setString(1, session);
                p.setString(2, learner.value());
                p.setLong(3, first);
                p.setLong(4, last);
                p.setLong(5, n);
                p.setLong(6, now);
                p.setLong(7, now);
                if (p.executeUpdate() != 1) {
                    throw new IllegalArgumentException("session " + session + " belongs to another learner, not " + learner);
                }
            }
            List<StoredEvent> stored = new ArrayList<>(n);
            Instant at = Instant.ofEpochMilli(now);
            try (PreparedStatement p = c.prepareStatement(INSERT_EVENT)) {
                for (int i = 0; i < n; i++) {
                    NewEvent e = events.get(i);
                    long seq = first + i;
                    p.setString(1, learner.value());
                    p.setLong(2, seq);
                    p.setString(3, session);
                    p.setString(4, e.type());
                    p.setString(5, e.payload());
                    p.setLong(6, now);
                    p.addBatch();
                    stored.add(new StoredEvent(learner, seq, session, e.type(), e.payload(), at));
                }
                p.executeBatch();
            }
            if (updates.stream().anyMatch(Objects::nonNull)) {
                try (PreparedStatement p = c.prepareStatement(UPSERT_MASTERY)) {
                    for (int i = 0; i < n; i++) {
                        MasteryEvents.Update u = updates.get(i);
                        if (u == null) continue;
                        bindMastery(p, learner, u, first + i);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            return List.copyOf(stored);
        });
    }

    @Override
    public List<StoredEvent> events(LearnerId learner) {
        return eventsAfter(learner, 0);
    }

    @Override
    public List<StoredEvent> eventsAfter(LearnerId learner, long afterSeq) {
        Objects.requireNonNull(learner, "learner");
        return withConnection("read learner " + learner + "'s log", c -> {
            try (PreparedStatement p = c.prepareStatement(EVENTS_AFTER)) {
                p.setString(1, learner.value());
                p.setLong(2, afterSeq);
                return readEvents(p);
            }
        });
    }

    @Override
    public List<StoredEvent> session(String sessionId) {
        SessionIds.requireValid(sessionId);
        return withConnection("read session " + sessionId, c -> {
            try (PreparedStatement p = c.prepareStatement(EVENTS_OF_SESSION)) {
                p.setString(1, sessionId);
                return readEvents(p);
            }
        });
    }

    @Override
    public List<SessionSummary> sessions(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        return withConnection("list learner " + learner + "'s sessions", c -> {
            try (PreparedStatement p = c.prepareStatement(SESSIONS_OF_LEARNER)) {
                p.setString(1, learner.value());
                List<SessionSummary> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SessionSummary(rs.getString(1), new LearnerId(rs.getString(2)), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6)),
                                Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public Map<String, Mastery> mastery(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        return withConnection("read learner " + learner + "'s mastery", c -> {
            try (PreparedStatement p = c.prepareStatement(MASTERY_OF_LEARNER)) {
                p.setString(1, learner.value());
                Map<String, Mastery> view = new TreeMap<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Mastery m = new Mastery(rs.getString(1), rs.getDouble(2), rs.getInt(3), rs.getLong(4));
                        view.put(m.concept(), m);
                    }
                }
                return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(view));
            }
        });
    }

    @Override
    public void rebuildMastery(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        write("rebuild learner " + learner + "'s mastery", c -> {
            lockLearner(c, learner);
            List<StoredEvent> log;
            try (PreparedStatement p = c.prepareStatement(MASTERY_EVENTS)) {
                p.setString(1, learner.value());
                p.setString(2, MasteryEvents.TYPE);
                log = readEvents(p);
            }
            Map<String, Mastery> view = MasteryEvents.fold(log);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM mastery WHERE learner_id = ?")) {
                p.setString(1, learner.value());
                p.executeUpdate();
            }
            if (view.isEmpty()) return null;
            try (PreparedStatement p = c.prepareStatement(UPSERT_MASTERY)) {
                for (Mastery m : view.values()) {
                    bindMastery(p, learner, new MasteryEvents.Update(m.concept(), m.posterior(), m.evidence()), m.seq());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<LearnerSummary> learners() {
        List<LearnerSummary> all = withConnection("list learners", c -> {
            try (PreparedStatement p = c.prepareStatement(SUMMARY)) {
                return readSummaries(p);
            }
        });
        List<LearnerSummary> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(s -> s.id().value()));
        return List.copyOf(sorted);
    }

    @Override
    public Optional<LearnerSummary> learner(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        return withConnection("read learner " + learner, c -> {
            try (PreparedStatement p = c.prepareStatement(SUMMARY + " WHERE l.learner_id = ?")) {
                p.setString(1, learner.value());
                return readSummaries(p).stream().findFirst();
            }
        });
    }

    @Override
    public SessionLease acquireSession(LearnerId learner, String sessionId) {
        Objects.requireNonNull(learner, "learner");
        SessionIds.requireValid(sessionId);
        return dialect.acquireSession(learner, sessionId);
    }

    @Override
    public Optional<DeletedLearner> delete(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        SessionLease lease = acquireSession(learner, "delete-" + ProcessHandle.current().pid());
        try {
            return write("delete learner " + learner, c -> {
                lockLearner(c, learner);
                int concepts = deleteRows(c, "DELETE FROM mastery WHERE learner_id = ?", learner);
                long events = deleteRows(c, "DELETE FROM events WHERE learner_id = ?", learner);
                int sessions = deleteRows(c, "DELETE FROM sessions WHERE learner_id = ?", learner);
                int learners = deleteRows(c, "DELETE FROM learners WHERE learner_id = ?", learner);
                return learners == 0 ? Optional.empty()
                        : Optional.of(new DeletedLearner(learner, events, sessions, concepts));
            });
        } finally {
            lease.close();
        }
    }

    @Override
    public String identity() {
        String known = identity;
        if (known != null) return known;
        known = withConnection("read the store identity", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM store_info WHERE name = 'identity'");
                 ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new SQLException("the store has no identity row in store_info");
                return rs.getString(1);
            }
        });
        identity = known;
        return known;
    }

    @Override
    public String describe() {
        return dialect.describe();
    }

    @Override
    public void close() {
        pool.close();
        dialect.close();
    }

    // ---- plumbing ----

    /** Work on a connection that may throw; the caller's transaction handling is around it. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(String doing, SqlWork<T> work) {
        Connection c = borrow(doing);
        boolean broken = false;
        try {
            return work.run(c);
        } catch (SQLException e) {
            broken = isBroken(c);
            throw dialect.translate(e, doing);
        } finally {
            pool.giveBack(c, broken);
        }
    }

    /** Runs {@code work} in one write transaction, again (up to {@value #MAX_ATTEMPTS} times) after a deadlock. */
    private <T> T write(String doing, SqlWork<T> work) {
        return locked(() -> withConnection(doing, c -> {
            for (int attempt = 1; ; attempt++) {
                dialect.begin(c);
                try {
                    T result = work.run(c);
                    dialect.commit(c);
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(c, e);
                    if (!dialect.isTransient(e) || attempt >= MAX_ATTEMPTS) throw e;
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            }
        }));
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        if (writes == null) return action.get();
        writes.lock();
        try {
            return action.get();
        } finally {
            writes.unlock();
        }
    }

    private Connection borrow(String doing) {
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw dialect.translate(e, doing);
        }
    }

    private void rollbackQuietly(Connection c, Throwable cause) {
        try {
            dialect.rollback(c);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static boolean isBroken(Connection c) {
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void bindMastery(PreparedStatement p, LearnerId learner, MasteryEvents.Update u, long seq)
            throws SQLException {
        p.setString(1, learner.value());
        p.setString(2, u.concept());
        p.setDouble(3, u.posterior());
        p.setInt(4, u.evidence());
        p.setLong(5, seq);
    }

    /**
     * Takes the learner's row lock for the rest of the transaction (a no-op update: plain SQL both databases accept;
     * on SQLite the transaction already holds the only write lock). Appends of that learner wait for it, so a rebuild
     * or a delete never races with one.
     */
    private static void lockLearner(Connection c, LearnerId learner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE learners SET updated_ms = updated_ms WHERE learner_id = ?")) {
            p.setString(1, learner.value());
            p.executeUpdate();
        }
    }

    private static int deleteRows(Connection c, String sql, LearnerId learner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, learner.value());
            return p.executeUpdate();
        }
    }

    private static List<StoredEvent> readEvents(PreparedStatement p) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEvent(new LearnerId(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
            }
        }
        return List.copyOf(out);
    }

    private static List<LearnerSummary> readSummaries(PreparedStatement p) throws SQLException {
        List<LearnerSummary> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new LearnerSummary(new LearnerId(rs.getString(1)), rs.getLong(2), rs.getInt(5),
                        Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
        return out;
    }
}
