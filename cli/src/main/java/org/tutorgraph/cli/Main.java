package org.tutorgraph.cli;

import picocli.CommandLine;

/** Entry point of the {@code tutor} program. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 user error, 2 internal error. */
    public static int run(String... args) {
        return ExitCodes.configure(new CommandLine(new TutorCommand())).execute(args);
    }
}
