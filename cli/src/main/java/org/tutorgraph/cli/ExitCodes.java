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
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cmd.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (OutOfMemoryError e) {
                // The last line of defence (inputs are sized against the heap before they are read): a clear message,
                // never "Exception in thread main java.lang.OutOfMemoryError".
                return resourceError(parseResult.commandSpec().commandLine(), USER_ERROR, "ran out of memory (the Java heap holds "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); the input is too large for it. Give Java"
                        + " more memory (e.g. TUTOR_JAVA_OPTS=-Xmx4g for ./tutor) or use a smaller input.");
            } catch (StackOverflowError e) {
                return resourceError(parseResult.commandSpec().commandLine(), INTERNAL_ERROR, "the input is nested too deeply to process"
                        + " (stack overflow). This is a bug; please report it with the input.");
            }
        });
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

    private static int resourceError(CommandLine cmd, int exit, String message) {
        PrintWriter err = cmd.getErr();
        err.println("tutor: " + message);
        err.flush();
        return exit;
    }

    static boolean debug() {
        String d = System.getenv("TUTORGRAPH_DEBUG");
        return d != null && !d.isBlank() && !d.equals("0");
    }
}
