package org.tutorgraph.importers;

import java.util.List;

/** An import that cannot proceed; every line names the file, the line (when known) and what is wrong. */
public class ImportException extends Exception {
    private final transient List<String> problems;

    public ImportException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
