package org.tutorgraph.learner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link StoreChild} in its own JVM, with its output lines readable as they come. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "child-jvm-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(workDir, "child", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        return new ChildJvm(p, err);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for an output line that matches {@code wanted}; fails with the child's stderr when it dies first. */
    String await(Predicate<String> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) return line;
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("child JVM exited with " + process.exitValue() + ":\n" + Files.readString(stderr));
            }
        }
        throw new AssertionError("child JVM printed nothing matching within " + timeout + "; stderr:\n" + Files.readString(stderr));
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush runs in the child. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
    }
}
