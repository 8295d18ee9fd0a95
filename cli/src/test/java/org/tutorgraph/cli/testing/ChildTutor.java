package org.tutorgraph.cli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code tutor} program in a child JVM ({@code org.tutorgraph.cli.Main} on the test class path), with its
 * standard input as a pipe the test writes to and its output collected as it comes: two of these are two terminals.
 */
public final class ChildTutor implements AutoCloseable {

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final Path stderr;
    private final Thread reader;

    private ChildTutor(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) >= 0; ) out.append(buf, 0, n);
            } catch (IOException ignored) {
                // killed
            }
        }, "child-tutor-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code tutor ARGS…} with a throwaway home (no user configuration leaks in). */
    public static ChildTutor start(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Duser.home=" + workDir,
                "-cp", System.getProperty("java.class.path"),
                "org.tutorgraph.cli.Main"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", workDir.resolve("data").toString());
        return new ChildTutor(pb.start(), err);
    }

    public long pid() {
        return process.pid();
    }

    /** Types a line. */
    public void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Ends the input (Ctrl-D). */
    public void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits until the output contains {@code text}; fails with everything printed when the child exits first. */
    public void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (out.indexOf(text) >= 0) return;
            if (!process.isAlive()) {
                reader.join(5_000);
                if (out.indexOf(text) >= 0) return;
                throw new AssertionError("tutor exited with " + process.exitValue() + " before printing '" + text
                        + "'\nstdout:\n" + out + "\nstderr:\n" + stderr());
            }
            Thread.sleep(25);
        }
        throw new AssertionError("tutor printed no '" + text + "' within " + timeout + "\nstdout:\n" + out + "\nstderr:\n" + stderr());
    }

    /**
     * Waits until {@code text} was printed and the chat asks for the next line after it: the turn that printed it is
     * then stored (a chat shows a turn's messages as they happen and stores them at the end of the turn).
     */
    public void awaitPromptAfter(String text, Duration timeout) throws Exception {
        awaitOutput(text, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int at = out.indexOf(text);
            if (out.indexOf("\n> ", at) >= 0) return;
            if (!process.isAlive()) break;
            Thread.sleep(25);
        }
        throw new AssertionError("tutor did not prompt after '" + text + "'\nstdout:\n" + out + "\nstderr:\n" + stderr());
    }

    /** Waits for the exit and returns the exit code. */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("tutor still running after " + timeout + "\nstdout:\n" + out + "\nstderr:\n" + stderr());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    public String stdout() {
        return out.toString();
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGKILL: nothing of the child's own runs any more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
