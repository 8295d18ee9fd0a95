package org.tutorgraph.learner.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session leases this process holds, across every store it opened. A second lease on the same learner of the
 * same store is refused here, before the operating system or the server is asked: a JVM cannot take a file lock twice
 * (and closing a second channel to a locked file would drop the first lock on POSIX systems), and the answer names
 * the holder without a round trip.
 */
final class LeaseRegistry {

    private static final ConcurrentHashMap<String, String> HELD = new ConcurrentHashMap<>();

    private LeaseRegistry() {
    }

    /** Registers {@code holder} under {@code key}; returns the existing holder when there is one (and registers nothing). */
    static String tryRegister(String key, String holder) {
        return HELD.putIfAbsent(key, holder);
    }

    static void unregister(String key, String holder) {
        HELD.remove(key, holder);
    }

    /** How this process describes itself as a lease holder: pid, host, session and since when. */
    static String describeHolder(String sessionId) {
        return "session " + sessionId + ", pid " + ProcessHandle.current().pid() + " on " + hostName()
                + ", since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The host name without a DNS lookup (which can hang for seconds on a badly configured machine). */
    static String hostName() {
        String name = null;
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) name = Files.readString(kernel, StandardCharsets.US_ASCII).trim();
        } catch (IOException | RuntimeException ignored) {
            // fall back to the environment
        }
        if (name == null || name.isEmpty()) name = System.getenv("HOSTNAME");
        if (name == null || name.isEmpty()) name = System.getenv("COMPUTERNAME");
        return name == null || name.isEmpty() ? "this host" : printable(name, 64);
    }

    /** Keeps printable ASCII only, at most {@code max} characters: text read back from a lock file or the server. */
    static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) sb.append(c);
        }
        return sb.toString().trim();
    }
}
