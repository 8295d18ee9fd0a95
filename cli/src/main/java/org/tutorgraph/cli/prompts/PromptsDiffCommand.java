package org.tutorgraph.cli.prompts;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.Languages;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptSource;
import org.tutorgraph.prompts.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code tutor prompts diff NAME}. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
                "Compare your override of template NAME with the shipped default.",
                "",
                "Prints a unified diff (--- the default, +++ your file), or says that NAME",
                "is not overridden.",
                "",
                "Example:",
                "  tutor prompts diff tutor-probe -U 1",
                ""
        })
public final class PromptsDiffCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "NAME", description = "Template name, e.g. tutor-probe.")
    String name;

    @Option(names = "--language", paramLabel = "TAG", description = "Course language (BCP 47): compare that language's version.")
    String language;

    @Option(names = {"-U", "--context"}, paramLabel = "N", description = "Lines of context (default: ${DEFAULT-VALUE}).")
    int context = 3;

    @Override
    public void run() {
        PromptLibrary library = config.promptLibrary();
        Template used = PromptsShowCommand.find(library, name, language);
        PrintWriter out = spec.commandLine().getOut();
        if (used.isDefault()) {
            out.println(Terminal.safe(used.qualifiedName() + ": not overridden; the shipped default is in use (" + used.location() + ")"));
            return;
        }
        Template shipped = shippedCounterpart(library, used)
                .orElseThrow(() -> new UserException("tutor: " + used.qualifiedName() + " has no shipped default to compare with"));
        List<String> original = shipped.text().lines().toList();
        List<String> revised = used.text().lines().toList();
        Patch<String> patch = DiffUtils.diff(original, revised);
        if (patch.getDeltas().isEmpty()) {
            out.println(Terminal.safe(used.location() + " is identical to the shipped default"));
            return;
        }
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(shipped.location(), used.location(), original, patch, context)) {
            out.println(Terminal.safe(line));
        }
    }

    /** The shipped template the override replaces: same language folder, or the nearest shipped fallback. */
    static Optional<Template> shippedCounterpart(PromptLibrary library, Template used) {
        PromptLibrary defaults = PromptLibrary.load(List.of(PromptSource.defaults()));
        for (String lang : Languages.fallbackChain(used.language())) {
            Optional<Template> t = defaults.shipped(new PromptLibrary.Key(lang, used.name()));
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }
}
