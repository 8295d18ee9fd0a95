package org.tutorgraph.reliability;

import org.tutorgraph.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tutor} in its own JVM (the test class path, {@link Main} as the entry point), as a user's shell would:
 * with its own heap limit, its own environment, bytes on stdin, and stdout/stderr captured as bytes. For the
 * memory-bounded runs and the crash harness.
 */
final class ChildCli {

    /** A finished run: exit code and exactly the bytes the program wrote. */
    record Result(int exit, byte[] out, byte[] err, Duration took) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    private ChildCli() {
    }

    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code tutor args}; stdout and stderr go to files in {@code workDir}. */
    static ProcessBuilder builder(Path workDir, List<String> jvmOptions, Map<String, String> env, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, args)).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", workDir.toString());
        pb.environment().put("XDG_DATA_HOME", workDir.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to the end (or kills it after {@code timeout}), feeding {@code stdin}. */
    static Result run(Path workDir, List<String> jvmOptions, Map<String, String> env, byte[] stdin, Duration timeout,
                      String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".bin");
        Path err = Files.createTempFile(workDir, "err", ".bin");
        long start = System.nanoTime();
        Process p = builder(workDir, jvmOptions, env, List.of(args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        } catch (IOException closedEarly) {
            // the program exited before reading all its input: fine
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tutor " + String.join(" ", args) + " did not finish within " + timeout
                    + "; stderr:\n" + new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        }
        Result r = new Result(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err), Duration.ofNanos(System.nanoTime() - start));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
