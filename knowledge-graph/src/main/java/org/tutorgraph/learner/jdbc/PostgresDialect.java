package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The shared store: a PostgreSQL database that many CLIs (or a server) write at once. Appends of different learners
 * run in parallel; appends of one learner queue on the row lock of its {@code learners} row. Credentials come from
 * the environment, never from the URL (where process lists and shell history would show them):
 * {@value #ENV_USER} / {@value #ENV_PASSWORD}, else libpq's {@code PGUSER} / {@code PGPASSWORD}; a {@code user=}
 * parameter in the URL wins over both. Without a password the driver falls back to {@code ~/.pgpass}.
 *
 * <p>Session leases are session-level advisory locks held by a dedicated connection: the server releases them when
 * the connection ends, including when the holder's process is killed.
 */
public final class PostgresDialect implements Dialect {

    public static final String ENV_USER = "TUTORGRAPH_PG_USER";
    public static final String ENV_PASSWORD = "TUTORGRAPH_PG_PASSWORD";

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String display;
    private final String user;
    private final String password;
    private volatile String schema;

    private PostgresDialect(String url, String display, String user, String password) {
        this.url = url;
        this.display = display;
        this.user = user;
        this.password = password;
    }

    /** Checks {@code url} and picks the credentials out of {@code env}; connects nothing yet. */
    public static PostgresDialect of(String url, Map<String, String> env) {
        String lower = url.toLowerCase(Locale.ROOT);
        String afterScheme = url.substring("jdbc:postgresql:".length());
        int authorityEnd = afterScheme.startsWith("//") ? indexOfAny(afterScheme, 2, "/?") : -1;
        String authority = afterScheme.startsWith("//") ? afterScheme.substring(2, authorityEnd < 0 ? afterScheme.length() : authorityEnd) : "";
        if (lower.contains("password=") || authority.contains("@")) {
            throw new StoreException("the PostgreSQL URL must not carry credentials (process lists and shell history "
                    + "would show them): put the password in " + ENV_PASSWORD + " or PGPASSWORD, the user in "
                    + ENV_USER + " or PGUSER");
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            throw new StoreException("not a PostgreSQL JDBC URL: " + LeaseRegistry.printable(url, 200)
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        String host = parsed.getProperty("PGHOST", "localhost");
        String port = parsed.getProperty("PGPORT", "5432");
        String db = parsed.getProperty("PGDBNAME", "");
        String user = firstNonBlank(parsed.getProperty("user"), env.get(ENV_USER), env.get("PGUSER"));
        String password = firstNonBlank(env.get(ENV_PASSWORD), env.get("PGPASSWORD"));
        String display = "postgresql://" + hostPorts(host, port) + "/" + db + (user == null ? "" : " as " + user);
        return new PostgresDialect(url, LeaseRegistry.printable(display, 300), user, password);
    }

    @Override
    public Kind kind() {
        return Kind.POSTGRESQL;
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public Connection connect() throws SQLException {
        return connect("tutorgraph");
    }

    /** A connection whose {@code application_name} (visible in {@code pg_stat_activity}) is {@code applicationName}. */
    Connection connect(String applicationName) throws SQLException {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) throw new SQLException("the PostgreSQL driver refused the URL", "08001");
        if (schema == null) {
            String s;
            try (PreparedStatement p = c.prepareStatement("SELECT current_schema()"); ResultSet rs = p.executeQuery()) {
                rs.next();
                s = rs.getString(1);
            } catch (SQLException | RuntimeException e) {
                ConnectionPool.closeQuietly(c);
                throw e;
            }
            if (s == null) {
                ConnectionPool.closeQuietly(c);
                throw new StoreException("cannot open " + display + ": no schema to keep the tables in (the "
                        + "search_path, or currentSchema= in the URL, names no existing schema)");
            }
            schema = s;
        }
        return c;
    }

    @Override
    public int maxConnections() {
        return 8;
    }

    @Override
    public boolean serialisesWrites() {
        return false;
    }

    @Override
    public void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    @Override
    public void commit(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    @Override
    public void rollback(Connection c) throws SQLException {
        if (c.isClosed() || c.getAutoCommit()) return;
        c.rollback();
        c.setAutoCommit(true);
    }

    @Override
    public boolean isTransient(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    @Override
    public void lockForMigration(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            p.setLong(1, lockKey("migrate", ""));
            p.executeQuery().close();
        }
    }

    @Override
    public void checkOwnership(Connection c) {
        // A PostgreSQL database is shared with other applications by design: the tables alone are ours.
    }

    @Override
    public void markOwnership(Connection c) {
    }

    @Override
    public StoreException translate(SQLException e, String doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = scrub(LeaseRegistry.printable(firstLine(e.getMessage()), 300));
        String who = user == null ? "the default user" : "user " + user;
        String what;
        if (state.equals("28P01")) {
            what = "PostgreSQL at " + display + " refused the password of " + who + " (set " + ENV_PASSWORD
                    + " or PGPASSWORD)";
        } else if (state.equals("28000")) {
            what = "PostgreSQL at " + display + " does not let " + who + " in: " + detail;
        } else if (state.equals("3D000")) {
            what = "the database of " + display + " does not exist: " + detail;
        } else if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            what = "cannot reach PostgreSQL at " + display + " (is the server running and listening there?): " + detail;
        } else if (state.equals("42501")) {
            what = who + " lacks a privilege on " + display + ": " + detail;
        } else if (state.equals("53100")) {
            what = "the PostgreSQL server of " + display + " is out of disk space";
        } else {
            what = "PostgreSQL error on " + display + ": " + detail + (state.isEmpty() ? "" : " [SQLSTATE " + state + "]");
        }
        return new StoreException("cannot " + doing + ": " + what, e);
    }

    @Override
    public SessionLease acquireSession(LearnerId learner, String sessionId) {
        return AdvisorySessionLease.acquire(this, learner, sessionId);
    }

    /** Names the store within this process, for the in-process lease registry. */
    String storeKey() {
        return "postgresql:" + display + "/" + schema;
    }

    /**
     * A 64-bit advisory-lock key for {@code purpose} and {@code value} in this store's schema: the first 8 bytes of a
     * SHA-256, so two learners (or two stores in different schemas of one database) practically never share a key.
     */
    long lockKey(String purpose, String value) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    ("tutorgraph\u0000" + purpose + "\u0000" + schema + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) k = (k << 8) | (h[i] & 0xff);
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Removes the password from text that will be shown, in case a driver or server message ever echoes it. */
    String scrub(String text) {
        if (password == null || password.isEmpty() || text == null) return text;
        return text.replace(password, "***");
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String hostPorts(String hosts, String ports) {
        String[] h = hosts.split(",");
        String[] p = ports.split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < h.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(h[i]).append(':').append(p[Math.min(i, p.length - 1)]);
        }
        return sb.toString();
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
