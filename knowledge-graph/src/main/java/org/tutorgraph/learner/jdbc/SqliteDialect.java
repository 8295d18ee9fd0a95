package org.tutorgraph.learner.jdbc;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.StoreException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The embedded store: one SQLite file in WAL mode (readers never wait for the writer), {@code synchronous=FULL} (a
 * committed turn survives a power cut, at one fsync per turn), a 10 s busy timeout for writers of other processes,
 * foreign keys on. Write transactions are {@code BEGIN IMMEDIATE}, so a transaction takes the write lock before it
 * reads the sequence number it will extend and can never fail half-way on a lock upgrade.
 *
 * <p>Session leases are file locks in {@code <file>.sessions/}.
 */
public final class SqliteDialect implements Dialect {

    /** Written into the file header ({@code PRAGMA application_id}): "TGLS", a tutorgraph learner store. */
    public static final int APPLICATION_ID = 0x54474C53;

    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Path leaseDirectory;
    private final String url;

    private SqliteDialect(Path file) {
        this.file = file;
        this.leaseDirectory = file.resolveSibling(file.getFileName() + ".sessions");
        this.url = "jdbc:sqlite:" + file;
    }

    /**
     * Prepares {@code file} for a store: creates its directory (private to the user) and an empty private file when
     * missing, and checks that both can be written (SQLite writes {@code -wal} and {@code -shm} files beside it).
     */
    public static SqliteDialect prepare(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.toString().indexOf('?') >= 0) {
            throw new StoreException("cannot use " + abs + " as a learner store: its path contains '?'");
        }
        if (Files.isDirectory(abs)) throw new StoreException("cannot use " + abs + " as a learner store: it is a directory");
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir, privateTo(dir, "rwx------"));
        } catch (IOException e) {
            throw new StoreException("cannot create the store directory " + dir + ": " + reason(e), e);
        }
        if (!Files.exists(abs)) {
            try {
                Files.createFile(abs, privateTo(dir, "rw-------"));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: fine
            } catch (IOException e) {
                throw new StoreException("cannot create the learner store " + abs + ": " + reason(e), e);
            }
        }
        if (!Files.isWritable(abs)) throw new StoreException("cannot write the learner store " + abs + ": permission denied");
        if (!Files.isWritable(dir)) {
            throw new StoreException("cannot write in " + dir + " (SQLite keeps its -wal and -shm files beside "
                    + abs.getFileName() + "): permission denied");
        }
        return new SqliteDialect(abs);
    }

    public Path file() {
        return file;
    }

    @Override
    public Kind kind() {
        return Kind.SQLITE;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Properties props = config.toProperties();
        Connection c = new org.sqlite.JDBC().connect(url, props);
        if (c == null) throw new SQLException("sqlite-jdbc refused the URL " + url);
        return c;
    }

    @Override
    public int maxConnections() {
        return 4;
    }

    @Override
    public boolean serialisesWrites() {
        return true;
    }

    @Override
    public void begin(Connection c) throws SQLException {
        // Autocommit stays on in the driver: the transaction is SQLite's own, started here and ended by COMMIT or
        // ROLLBACK, so the driver never opens one behind our back while the connection idles in the pool.
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void commit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    @Override
    public void rollback(Connection c) throws SQLException {
        if (c.isClosed()) return;
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) throw e;
        }
    }

    @Override
    public boolean isTransient(SQLException e) {
        return false;
    }

    @Override
    public void lockForMigration(Connection c) {
        // BEGIN IMMEDIATE already holds the only write lock.
    }

    @Override
    public void checkOwnership(Connection c) throws SQLException {
        int applicationId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            rs.next();
            applicationId = rs.getInt(1);
        }
        if (applicationId == APPLICATION_ID) return;
        if (applicationId != 0) {
            throw new StoreException(file + " is an SQLite database of another application (application id "
                    + Integer.toHexString(applicationId) + "), not a tutorgraph learner store");
        }
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name")) {
            while (rs.next()) tables.add(LeaseRegistry.printable(rs.getString(1), 40));
        }
        if (!tables.isEmpty() && !tables.contains("schema_version")) {
            throw new StoreException(file + " is an SQLite database but not a tutorgraph learner store (it holds "
                    + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                    + (tables.size() > 5 ? ", ..." : "") + "); choose another --store");
        }
    }

    @Override
    public void markOwnership(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID); // a constant: pragmas take no parameters
        }
    }

    @Override
    public StoreException translate(SQLException e, String doing) {
        String detail = LeaseRegistry.printable(String.valueOf(e.getMessage()), 300);
        if (!(e instanceof SQLiteException se)) {
            return new StoreException("cannot " + doing + " in " + file + ": " + detail, e);
        }
        SQLiteErrorCode code = se.getResultCode();
        int primary = code == null ? -1 : code.code & 0xff;
        String what;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            what = file + " is not a tutorgraph learner store or is damaged; move it away (or restore a backup) and try again";
        } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            what = "SQLite cannot open " + file + " (or its -wal/-shm files beside it)";
        } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            what = file + " is read-only for this user";
        } else if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            what = file + " stayed locked by another process for more than " + BUSY_TIMEOUT_MS / 1000 + " s";
        } else if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            what = "the disk holding " + file + " is full";
        } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            what = "input/output error on " + file;
        } else {
            what = "SQLite error on " + file;
        }
        return new StoreException("cannot " + doing + ": " + what + " [" + detail + "]", e);
    }

    @Override
    public SessionLease acquireSession(LearnerId learner, String sessionId) {
        return FileSessionLease.acquire(leaseDirectory, learner, sessionId);
    }

    /** Owner-only permissions where the file system has POSIX permissions; nothing elsewhere. */
    static FileAttribute<?>[] privateTo(Path dir, String perms) {
        Path probe = dir;
        while (probe != null && !Files.exists(probe)) probe = probe.getParent();
        boolean posix = probe != null && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
                : new FileAttribute<?>[0];
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + " exists and is not a directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        return String.valueOf(e.getMessage());
    }
}
