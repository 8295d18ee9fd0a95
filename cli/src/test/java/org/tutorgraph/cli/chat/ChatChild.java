package org.tutorgraph.cli.chat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tutor chat --plain} in a child JVM, fed one line at a time. The chat prints its prompt only after the previous
 * turn was saved, so counting prompts tells how many turns are surely in the store.
 */
final class ChatChild implements AutoCloseable {

    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final Path err;
    private final OutputStream in;

    private ChatChild(Process process, Path err) {
        this.process = process;
        this.err = err;
        this.in = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (Reader r = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) > 0; ) {
                    synchronized (out) {
                        out.append(buf, 0, n);
                        out.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        }, "chat-child-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ChatChild start(Path work, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "org.tutorgraph.cli.Main", "chat", "--plain"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(work, "chat", ".err");
        return new ChatChild(new ProcessBuilder(cmd).redirectError(err.toFile()).start(), err);
    }

    /** Prompts printed so far: the chat waits for input after each. */
    int prompts() {
        synchronized (out) {
            int n = 0;
            if (out.length() >= 2 && out.substring(0, 2).equals("> ")) n++;
            for (int i = out.indexOf("\n> "); i >= 0; i = out.indexOf("\n> ", i + 1)) n++;
            return n;
        }
    }

    /** Waits until at least {@code n} prompts were printed. */
    void awaitPrompts(int n, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (out) {
            while (prompts() < n) {
                if (!process.isAlive()) throw new AssertionError("chat exited " + process.exitValue() + ": " + Files.readString(err) + "\n" + out);
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new AssertionError("no prompt " + n + " within " + timeoutMs + " ms:\n" + out + Files.readString(err));
                out.wait(Math.min(left, 50));
            }
        }
    }

    void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        in.close();
    }

    String output() {
        synchronized (out) {
            return out.toString();
        }
    }

    int waitFor(long timeoutMs) throws Exception {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) throw new AssertionError("chat did not exit:\n" + output());
        return process.exitValue();
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    /** SIGKILL: no shutdown hook, no finally block runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
