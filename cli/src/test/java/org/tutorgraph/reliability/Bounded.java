package org.tutorgraph.reliability;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input on a worker thread with a time limit, and measures what it allocated (HotSpot's per-thread
 * allocation counter): the fuzzers' time and memory bound per input. A run past its limit is abandoned (its daemon
 * thread is left behind) and reported as a timeout.
 */
final class Bounded implements AutoCloseable {

    /** How one run ended: its value or the throwable it threw, or a timeout; with its time and allocated bytes. */
    record Outcome<T>(T value, Throwable thrown, boolean timedOut, long nanos, long allocatedBytes) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long timeoutMillis;
    private ExecutorService worker = newWorker();
    long maxNanos;
    long maxAllocated;

    Bounded(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    <T> Outcome<T> run(Callable<T> task) {
        long[] allocated = {0};
        long start = System.nanoTime();
        Future<T> f = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                return task.call();
            } finally {
                allocated[0] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        });
        try {
            T value = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return record(new Outcome<>(value, null, false, System.nanoTime() - start, allocated[0]));
        } catch (ExecutionException e) {
            return record(new Outcome<>(null, e.getCause(), false, System.nanoTime() - start, allocated[0]));
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome<>(null, null, true, System.nanoTime() - start, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> Outcome<T> record(Outcome<T> o) {
        maxNanos = Math.max(maxNanos, o.nanos());
        maxAllocated = Math.max(maxAllocated, o.allocatedBytes());
        return o;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
