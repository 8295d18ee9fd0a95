package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.Languages;
import org.tutorgraph.prompts.PromptException;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tutor prompts render NAME [--sample FILE]}. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
                "Print the exact text a model would receive from template NAME.",
                "",
                "Sample values come from, last wins: each variable's example (tutor",
                "prompts vars), the template header's 'samples:', --sample FILE (YAML or",
                "JSON, variable: value), and --set NAME=VALUE.",
                "",
                "Examples:",
                "  tutor prompts render tutor-probe --set attempt=19",
                "  tutor prompts render tutor-orient --sample sample.yaml --language fr",
                ""
        })
public final class PromptsRenderCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "NAME", description = "Template name, e.g. tutor-probe.")
    String name;

    @Option(names = "--sample", paramLabel = "FILE", description = "YAML or JSON file of sample values.")
    Path sample;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "One sample value (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--language", paramLabel = "TAG", description = "Course language (BCP 47, e.g. fr): renders that language's version.")
    String language;

    @Override
    public void run() {
        PromptLibrary library = config.promptLibrary();
        Template t = PromptsShowCommand.find(library, name, language);
        Map<String, Object> vars = new LinkedHashMap<>();
        for (PromptRegistry.Variable v : PromptRegistry.variables()) vars.put(v.name(), v.example());
        if (language != null) {
            String tag = Languages.normalise(language).orElseThrow(() -> new UserException("tutor: --language: '" + language + "' is not a BCP 47 tag"));
            vars.put("languageTag", tag);
            vars.put("language", Languages.englishName(tag));
        }
        vars.putAll(t.header().samples());
        if (sample != null) vars.putAll(SampleValues.read(sample));
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (PromptRegistry.variable(e.getKey()).isEmpty()) throw new UserException("tutor: --set: unknown variable '" + e.getKey() + "' (tutor prompts vars lists them)");
            vars.put(e.getKey(), e.getValue());
        }
        try {
            spec.commandLine().getOut().println(Terminal.safe(PromptLibrary.render(t, vars)));
        } catch (PromptException e) {
            throw new UserException("tutor: " + e.getMessage());
        }
    }
}
