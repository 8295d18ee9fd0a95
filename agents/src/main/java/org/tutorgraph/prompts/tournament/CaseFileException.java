package org.tutorgraph.prompts.tournament;

import java.util.List;

/** A case file cannot be used; each line names the file, the line and the problem. */
public class CaseFileException extends Exception {
    private final List<String> problems;

    public CaseFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
