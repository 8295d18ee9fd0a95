package org.tutorgraph.pack;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a course pack has problems; carries every problem found, never just the first. */
public class InvalidPackException extends Exception {

    private final transient List<PackProblem> problems;

    public InvalidPackException(List<PackProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in course pack:\n"
                + problems.stream().map(PackProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
