package org.tutorgraph.models.config;

import java.util.List;

/** A configuration the user can fix: one line per problem, each naming where (file and line, variable or flag). */
public final class ConfigException extends RuntimeException {

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
