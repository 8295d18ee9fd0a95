package org.tutorgraph.prompts;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One parsed, usable template: a header and a body with {@code {{variables}}} in langchain4j's syntax.
 *
 * @param header    the front matter
 * @param body      the text a model receives once the variables are filled in
 * @param bodyLine  the file line the body starts on (for messages)
 * @param language  the language folder it came from ({@code ""} for the base templates)
 * @param location  where it came from: a file path, or {@code default:org/tutorgraph/prompts/…} for a shipped one
 * @param path      the file (possibly inside the jar's file system)
 * @param origin    which source supplied it ({@code default}, or the user directory)
 * @param text      the whole file, as {@code tutor prompts show} prints it
 */
public record Template(TemplateHeader header, String body, int bodyLine, String language, String location, Path path,
                       String origin, String text) {

    public String name() {
        return header.name();
    }

    /** The variables the body uses, in order of first use. */
    public List<String> usedVariables() {
        return TemplateParser.variablesIn(body);
    }

    public Set<String> declaredVariables() {
        return header.variables().keySet();
    }

    /** True for a template shipped inside the program. */
    public boolean isDefault() {
        return PromptSource.DEFAULT_LABEL.equals(origin);
    }

    /** {@code tutor-probe}, or {@code fr/tutor-probe} for a language variant. */
    public String qualifiedName() {
        return language.isEmpty() ? name() : language + "/" + name();
    }
}
