package org.tutorgraph.prompts;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.prompts.PromptRegistry.Agent;
import org.tutorgraph.prompts.PromptRegistry.Role;

import java.util.Map;
import java.util.Optional;

/**
 * A template file's front matter.
 *
 * @param name      the template's name; equals the file name without {@code .md}
 * @param purpose   one line for educators
 * @param agent     who renders it
 * @param rung      the hint-ladder rung it phrases, if any
 * @param role      the chat message it becomes (system or user)
 * @param language  the BCP 47 tag it is written for, if declared (must match its language folder)
 * @param variables the variables the body uses, each with a one-line meaning
 * @param samples   sample values for {@code tutor prompts render}
 * @param lines     the file line of each header key, by JSON pointer ({@code /variables/concept}); for messages
 */
public record TemplateHeader(String name, String purpose, Agent agent, Optional<Rung> rung, Role role,
                             Optional<String> language, Map<String, String> variables, Map<String, String> samples,
                             Map<String, Integer> lines) {
    public TemplateHeader {
        variables = Map.copyOf(variables);
        samples = Map.copyOf(samples);
        lines = Map.copyOf(lines);
    }

    /** The file line of header key {@code pointer} (e.g. {@code /rung}), or {@code fallback}. */
    public int line(String pointer, int fallback) {
        return lines.getOrDefault(pointer, fallback);
    }
}
