package org.tutorgraph.cli;

import org.tutorgraph.learner.StoreException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The program's exit codes and the handlers that produce them: 0 ok, 1 a problem the user can fix (bad arguments,
 * invalid input), 2 an internal error (a bug; the stack trace is shown only with {@code TUTORGRAPH_DEBUG=1}).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int INTERNAL_ERROR = 2;

    private ExitCodes() {
    }

    public static CommandLine configure(CommandLine cmd) {
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(Terminal.safe("tutor: " + ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserException u) {
                for (String line : u.lines()) err.println(Terminal.safe(line));
                return USER_ERROR;
            }
            if (ex instanceof StoreException) {
                err.println(Terminal.safe("tutor: " + ex.getMessage()));
                return USER_ERROR;
            }
            err.println(Terminal.safe("tutor: internal error: " + ex));
            if (debug()) {
                ex.printStackTrace(err);
            } else {
                err.println("This is a bug. Run again with TUTORGRAPH_DEBUG=1 for the stack trace and report it.");
            }
            return INTERNAL_ERROR;
        });
        return cmd;
    }

    static boolean debug() {
        String d = System.getenv("TUTORGRAPH_DEBUG");
        return d != null && !d.isBlank() && !d.equals("0");
    }
}
