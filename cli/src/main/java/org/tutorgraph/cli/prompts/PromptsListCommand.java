package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code tutor prompts list}. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {
                "List the templates and message files in use, and their origin.",
                "",
                "Columns: name, language folder, agent, rung, source (default = shipped",
                "inside the program, else the override file that replaces it), purpose.",
                "Message files (messages.properties) layer message by message: every file",
                "in use is listed, the highest first, with how many messages it sets.",
                "",
                "Examples:",
                "  tutor prompts list",
                "  tutor prompts list --prompts my-prompts",
                ""
        })
public final class PromptsListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public void run() {
        PromptLibrary library = config.promptLibrary();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "LANG", "AGENT", "RUNG", "SOURCE", "PURPOSE"});
        List<String> order = PromptRegistry.templates().stream().map(PromptRegistry.TemplateSpec::name).toList();
        List<Template> sorted = new ArrayList<>(library.templates());
        sorted.sort(Comparator.comparing(Template::language)
                .thenComparingInt(t -> order.contains(t.name()) ? order.indexOf(t.name()) : order.size())
                .thenComparing(Template::name));
        for (Template t : sorted) {
            rows.add(new String[]{t.name(), t.language().isEmpty() ? "-" : t.language(), t.header().agent().key(),
                    t.header().rung().map(r -> r.key()).orElse("-"), t.isDefault() ? "default" : t.location(), t.header().purpose()});
        }
        MessageLibrary messages = MessageLibrary.layered(config.settings().promptDirs());
        for (MessageLibrary.FileInUse f : messages.files()) {
            rows.add(new String[]{"messages", f.language().isEmpty() ? "-" : f.language(), "-", "-",
                    f.isDefault() ? "default" : f.location(), f.messages() + " messages: what the offline tutor and the chat say"});
        }
        Tables.print(out, rows);
        for (PromptProblem p : library.problems()) spec.commandLine().getErr().println(Terminal.safe(p.toString()));
        for (PromptProblem p : messages.problems()) spec.commandLine().getErr().println(Terminal.safe(p.toString()));
    }
}
