package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.PromptDirectories;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptSource;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code --prompts DIR} option and the library it selects (with the XDG directory and the shipped defaults). */
public final class PromptDirOption {

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "Directory of template overrides (beats $XDG_CONFIG_HOME/tutorgraph/prompts/ and the shipped defaults).")
    Path dir;

    /** The sources in precedence order; a user error when {@code --prompts} names no directory. */
    public List<PromptSource> sources() {
        if (dir != null && !Files.isDirectory(dir)) throw new UserException("tutor: --prompts: no directory at " + dir);
        return PromptDirectories.standard(dir, null, System.getenv());
    }

    public PromptLibrary library() {
        return PromptLibrary.load(sources());
    }
}
