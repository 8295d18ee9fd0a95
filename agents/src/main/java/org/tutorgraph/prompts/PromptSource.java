package org.tutorgraph.prompts;

import org.tutorgraph.pack.ClasspathFolder;

import java.nio.file.Path;

/**
 * A folder of templates: the defaults shipped inside the program, or a user directory of overrides. Each holds
 * {@code NAME.md} files and optional language folders ({@code fr/NAME.md}).
 *
 * @param label {@value #DEFAULT_LABEL} for the shipped templates, else the directory as the user gave it
 * @param dir   the folder (for the defaults, possibly inside the jar's file system)
 */
public record PromptSource(String label, Path dir) {

    public static final String DEFAULT_LABEL = "default";

    /** Where the shipped templates live on the class path (copied from the repository's {@code prompts/}). */
    public static final String RESOURCE = "org/tutorgraph/prompts";

    public boolean isDefault() {
        return DEFAULT_LABEL.equals(label);
    }

    /** A user directory of overrides. */
    public static PromptSource user(Path dir) {
        return new PromptSource(dir.toString(), dir);
    }

    /** The templates shipped inside the program, read as a folder whether the class path is a directory or a jar. */
    public static PromptSource defaults() {
        Path dir = ClasspathFolder.find(PromptSource.class.getClassLoader(), RESOURCE, "tutor-system.md")
                .orElseThrow(() -> new IllegalStateException("the default prompt templates are missing from the class path: " + RESOURCE));
        return new PromptSource(DEFAULT_LABEL, dir);
    }

    /** How messages name a file of this source: its path, or {@code default:org/tutorgraph/prompts/…}. */
    public String locate(String relative) {
        return isDefault() ? "default:" + RESOURCE + "/" + relative : dir.resolve(relative).toString();
    }
}
