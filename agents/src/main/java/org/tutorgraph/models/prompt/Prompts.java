package org.tutorgraph.models.prompt;

import java.util.Map;

/**
 * Where the model layer gets its prompt text: a template name ({@code tutor-probe}, {@code grade-answer}, …) and its
 * variables in, the filled text out. The prompt library ({@code PromptLibrary::render}) is the real one.
 */
@FunctionalInterface
public interface Prompts {

    /** The template {@code name} filled with {@code vars}; throws if the template or a variable is missing. */
    String render(String name, Map<String, ?> vars);
}
