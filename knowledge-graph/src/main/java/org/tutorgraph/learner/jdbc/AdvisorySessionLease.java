package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionBusyException;
import org.tutorgraph.learner.SessionLease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session lease held as a PostgreSQL session-level advisory lock on a connection of its own. The server drops the
 * lock when that connection ends: on {@link #close()}, or when the holder's process dies and its socket closes. (A
 * client machine that vanishes without closing its socket holds the lease until the server's TCP keepalive gives up:
 * set {@code tcp_keepalives_idle} on the server to bound that.) The connection's {@code application_name} names the
 * holder, so the next session is told who has the learner.
 */
final class AdvisorySessionLease implements SessionLease {

    private static final String PREFIX = "tutorgraph: ";

    private final LearnerId learner;
    private final String sessionId;
    private final String registryKey;
    private final String holder;
    private final long key;
    private Connection connection;

    private AdvisorySessionLease(LearnerId learner, String sessionId, String registryKey, String holder, long key,
                                 Connection connection) {
        this.learner = learner;
        this.sessionId = sessionId;
        this.registryKey = registryKey;
        this.holder = holder;
        this.key = key;
        this.connection = connection;
    }

    static SessionLease acquire(PostgresDialect dialect, LearnerId learner, String sessionId) {
        String doing = "take learner " + learner + "'s session lease";
        String registryKey = dialect.storeKey() + "\u0000" + learner.value();
        String holder = LeaseRegistry.describeHolder(sessionId);
        String existing = LeaseRegistry.tryRegister(registryKey, holder);
        if (existing != null) throw new SessionBusyException(learner, existing + ", in this process");
        Connection c;
        try {
            c = dialect.connect(applicationName(sessionId));
        } catch (SQLException | RuntimeException e) {
            LeaseRegistry.unregister(registryKey, holder);
            throw e instanceof SQLException sql ? dialect.translate(sql, doing) : (RuntimeException) e;
        }
        long key = dialect.lockKey("session", learner.value());
        try {
            boolean locked;
            try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                p.setLong(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    locked = rs.getBoolean(1);
                }
            }
            if (!locked) {
                String other = holderOf(c, key);
                ConnectionPool.closeQuietly(c);
                LeaseRegistry.unregister(registryKey, holder);
                throw new SessionBusyException(learner, other);
            }
            return new AdvisorySessionLease(learner, sessionId, registryKey, holder, key, c);
        } catch (SQLException e) {
            ConnectionPool.closeQuietly(c);
            LeaseRegistry.unregister(registryKey, holder);
            throw dialect.translate(e, doing);
        }
    }

    /** Who holds the advisory lock {@code key}, from pg_locks and pg_stat_activity (as far as this user may see). */
    private static String holderOf(Connection c, long key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT l.pid, a.application_name, a.client_addr::text
                FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::bigint = ? AND l.objid::bigint = ?""")) {
            p.setLong(1, key >>> 32);
            p.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return "a session that just ended; try again";
                String app = rs.getString(2);
                if (app != null && app.startsWith(PREFIX)) return LeaseRegistry.printable(app.substring(PREFIX.length()), 80);
                String addr = rs.getString(3);
                return "PostgreSQL backend pid " + rs.getInt(1) + (addr == null ? "" : " from " + LeaseRegistry.printable(addr, 60));
            }
        }
    }

    /** What pg_stat_activity shows for the lease's connection (PostgreSQL keeps 63 bytes of it). */
    private static String applicationName(String sessionId) {
        String s = PREFIX + "pid " + ProcessHandle.current().pid() + " on " + LeaseRegistry.hostName() + ", session " + sessionId;
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    @Override
    public LearnerId learner() {
        return learner;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public synchronized void close() {
        if (connection == null) return;
        try (PreparedStatement p = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            p.setLong(1, key);
            p.executeQuery().close();
        } catch (SQLException ignored) {
            // closing the connection below releases the lock anyway
        } finally {
            ConnectionPool.closeQuietly(connection);
            connection = null;
            LeaseRegistry.unregister(registryKey, holder);
        }
    }
}
