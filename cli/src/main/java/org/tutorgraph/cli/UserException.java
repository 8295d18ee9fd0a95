package org.tutorgraph.cli;

import java.util.List;

/**
 * A problem the user can fix (a bad flag value, an invalid course pack, an unknown learner). Printed as one line per
 * problem, without a stack trace, and exits with code 1.
 */
public class UserException extends RuntimeException {

    private final transient List<String> lines;

    public UserException(String message) {
        this(List.of(message));
    }

    public UserException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
        this.lines = List.of(message);
    }

    public List<String> lines() {
        return lines;
    }
}
