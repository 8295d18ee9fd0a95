package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.SessionBusyException;
import org.tutorgraph.learner.SessionLease;
import org.tutorgraph.learner.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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

    /** Takes the lease with a lock file in {@code directory}; {@code storeKey} names the store within this process. */
    static SessionLease acquire(Path directory, String storeKey, LearnerId learner, String sessionId) {
        String key = storeKey + "\u0000" + learner.value();
        String holder = LeaseRegistry.describeHolder(sessionId);
        String existing = LeaseRegistry.tryRegister(key, holder);
        if (existing != null) throw new SessionBusyException(learner, existing + ", in this process");
        FileSessionLease lease = new FileSessionLease(learner, sessionId, key, holder);
        try {
            lease.lockFile(directory);
            return lease;
        } catch (RuntimeException e) {
            LeaseRegistry.unregister(key, holder);
            throw e;
        }
    }

    private void lockFile(Path directory) {
        Path file = directory.resolve(learner.value() + ".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(directory, SqliteDialect.privateTo(directory, "rwx------"));
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    SqliteDialect.privateTo(directory, "rw-------"));
            FileLock l = ch.tryLock(LOCK_POSITION, 1, false);
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
