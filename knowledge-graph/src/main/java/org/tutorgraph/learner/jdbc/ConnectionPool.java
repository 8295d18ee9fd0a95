package org.tutorgraph.learner.jdbc;

import org.tutorgraph.learner.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A handful of reusable connections (opening one costs a file open and pragmas on SQLite, a TCP and authentication
 * round trip on PostgreSQL). At most {@code max} exist at once; a caller waits when all are lent out. A connection that
 * failed in a way that leaves it unusable is closed instead of returned. Small on purpose: a full pool library would
 * weigh more than the whole store.
 */
final class ConnectionPool implements AutoCloseable {

    interface Factory {
        Connection open() throws SQLException;
    }

    private static final long WAIT_SECONDS = 60;

    private final Factory factory;
    private final int max;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    ConnectionPool(Factory factory, int max) {
        this.factory = factory;
        this.max = max;
    }

    /** A connection for the caller's exclusive use until {@link #giveBack}. */
    Connection borrow() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (this) {
            while (true) {
                if (closed) throw new StoreException("the learner store is closed");
                Connection c = idle.pollFirst();
                if (c != null) return c;
                if (open < max) {
                    open++;
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException("all " + max + " connections of the learner store stayed busy for "
                            + WAIT_SECONDS + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting for a store connection", e);
                }
            }
        }
        try {
            return factory.open();
        } catch (SQLException | RuntimeException | Error e) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw e;
        }
    }

    /** Returns a borrowed connection; a {@code broken} one is closed and its slot freed. */
    void giveBack(Connection c, boolean broken) {
        boolean close;
        synchronized (this) {
            close = broken || closed;
            if (close) open--;
            else idle.addFirst(c);
            notifyAll();
        }
        if (close) closeQuietly(c);
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            open -= idle.size();
            idle.clear();
            notifyAll();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing useful to do with a failure to close
        }
    }
}
