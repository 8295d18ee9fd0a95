package org.tutorgraph.kt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A response log that cannot be read: every problem found (up to {@link #MAX_PROBLEMS}), each with file and line.
 */
public class LogFormatException extends Exception {

    /** Readers stop collecting after this many problems: a wrong format would otherwise flood the terminal. */
    public static final int MAX_PROBLEMS = 20;

    private final transient List<LogProblem> problems;

    public LogFormatException(List<LogProblem> problems) {
        super(problems.stream().map(LogProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<LogProblem> problems() {
        return problems;
    }
}
