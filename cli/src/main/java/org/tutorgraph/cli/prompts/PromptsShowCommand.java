package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;

/** {@code tutor prompts show NAME}. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {
                "Print the template file in use for NAME, header and body.",
                "",
                "Examples (the first copies it into your prompts folder, to edit it):",
                "  tutor prompts show tutor-probe > ~/.config/tutorgraph/prompts/tutor-probe.md",
                "  tutor prompts show tutor-probe --language fr --path",
                ""
        })
public final class PromptsShowCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "NAME", description = "Template name, e.g. tutor-probe (see tutor prompts list).")
    String name;

    @Option(names = "--language", paramLabel = "TAG", description = "Course language (BCP 47, e.g. fr): show that language's version.")
    String language;

    @Option(names = "--path", description = "Print only where the file is.")
    boolean pathOnly;

    @Override
    public void run() {
        Template t = find(config.promptLibrary(), name, language);
        spec.commandLine().getOut().print(Terminal.safe(pathOnly ? t.location() + "\n" : t.text()));
        spec.commandLine().getOut().flush();
    }

    static Template find(PromptLibrary library, String name, String language) {
        Optional<Template> t = library.find(name, language == null ? "" : language);
        if (t.isEmpty()) {
            throw new UserException("tutor: no template '" + name + "'" + (library.problems().isEmpty() ? "" : " that loads")
                    + "; tutor prompts list shows the templates");
        }
        return t.get();
    }
}
