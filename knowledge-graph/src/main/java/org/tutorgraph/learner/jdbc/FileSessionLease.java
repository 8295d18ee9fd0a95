package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionBusyException;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A session lease held as an operating-system file lock on {@code <store>.sessions/<learner>.lock}: the kernel drops
 * the lock when the process dies, however it dies. The file holds a line naming the holder (pid, host, session) for
 * the message the next session gets. Lock files are never deleted: deleting one while another process opens it would
 * let two processes lock two different files of the same name.
 *
 * <p>The lock covers one byte far past the holder line, so that readers can read the line even where locks are
 * mandatory (Windows).
 */
final class FileSessionLease implements SessionLease {

    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    /** Channels that must stay open for the life of the process (see {@link #lockFile}). */
    private static final java.util.List<FileChannel> PARKED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final LearnerId learner;
    private final String sessionId;
    private final String registryKey;
    private final String holder;
    private FileChannel channel;
    private FileLock lock;
    private boolean closed;

    private FileSessionLease(LearnerId learner, String sessionId, String registryKey, String holder) {
        this.learner = learner;
        this.sessionId = sessionId;
        this.registryKey = registryKey;
        this.holder = holder;
    }

    /**
     * Takes the lease with a lock file in {@code directory}. The in-process registry is keyed by the lock file's real
     * path, so two spellings of one store (a symlink, a relative path) still meet there and never reach the second
     * lock attempt that would drop the first on POSIX systems.
     */
    static SessionLease acquire(Path directory, LearnerId learner, String sessionId) {
        Path file;
        try {
            Files.createDirectories(directory, SqliteDialect.privateTo(directory, "rwx------"));
            file = directory.toRealPath().resolve(lockFileName(learner));
        } catch (IOException e) {
            throw new StoreException("cannot create " + directory + " for session locks: " + SqliteDialect.reason(e), e);
        }
        String key = "sqlite:" + file;
        String holder = LeaseRegistry.describeHolder(sessionId);
        String existing = LeaseRegistry.tryRegister(key, holder);
        if (existing != null) throw new SessionBusyException(learner, existing + ", in this process");
        FileSessionLease lease = new FileSessionLease(learner, sessionId, key, holder);
        try {
            lease.lockFile(file);
            return lease;
        } catch (RuntimeException e) {
            LeaseRegistry.unregister(key, holder);
            throw e;
        }
    }

    /**
     * The lock file of a learner: the id with each capital marked by a caret ({@code Alice} → {@code ^alice.lock}), so
     * that learners {@code Alice} and {@code alice} get different files on case-insensitive file systems too.
     */
    static String lockFileName(LearnerId learner) {
        StringBuilder sb = new StringBuilder();
        for (char c : learner.value().toCharArray()) {
            if (c >= 'A' && c <= 'Z') sb.append('^').append((char) (c - 'A' + 'a'));
            else sb.append(c);
        }
        return sb.append(".lock").toString();
    }

    private void lockFile(Path file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    SqliteDialect.privateTo(file.getParent(), "rw-------"));
            FileLock l;
            try {
                l = ch.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException sameJvm) {
                // Another lease of this JVM holds it under a path the registry did not recognise (a hard link).
                // Closing this channel could release that lease's lock on POSIX systems: park it instead.
                PARKED.add(ch);
                throw new SessionBusyException(learner, "another session in this process");
            }
            if (l == null) {
                String other = readHolder(ch);
                ch.close();
                throw new SessionBusyException(learner, other.isEmpty() ? "another process holds " + file : other);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel = ch;
            lock = l;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StoreException("cannot lock " + file + " for learner " + learner + "'s session: " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        ch.read(buf, 0);
        return LeaseRegistry.printable(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8), 200);
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
        if (closed) return;
        closed = true;
        try {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            lock = null;
            channel = null;
            LeaseRegistry.unregister(registryKey, holder);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
