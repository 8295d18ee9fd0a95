package org.tutorgraph.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Runs the {@code tutor} command line in-process, as {@code Main} does, and captures what it prints. */
public final class Cli {

    /** What a run printed and its exit status. */
    public record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    /** Runs {@code tutor args} with the process environment. */
    public static Run run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    /**
     * Runs {@code tutor args} with {@code env} in place of the process environment for settings and prompt folders
     * (every {@link ConfigOptions} the command line creates reads it), so that a developer's own
     * {@code TUTORGRAPH_*} variables, API keys or {@code ~/.config/tutorgraph} cannot change a test.
     */
    public static Run run(Map<String, String> env, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return run(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ConfigOptions.class) return cls.cast(new ConfigOptions().environment(env));
                if (cls == ModelOptions.class) return cls.cast(new ModelOptions().environment(env));
                return defaults.create(cls);
            }
        }, args);
    }

    private static Run run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(new TutorCommand(), factory));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A test resource as a file path. */
    public static String resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(Cli.class.getResource(name), name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
