package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.PromptRegistry.TemplateSpec;
import org.tutorgraph.prompts.PromptRegistry.Variable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code tutor prompts vars}: the variable registry. */
@Command(name = "vars",
        mixinStandardHelpOptions = true,
        description = {
                "List the variables and which templates receive them.",
                "",
                "A body uses a variable as {{name}}. SECRET variables carry the item's",
                "answer: only tutor-bottom-out, the Diagnostician and the judges get them.",
                "",
                "Examples:",
                "  tutor prompts vars",
                "  tutor prompts vars --template tutor-probe",
                ""
        })
public final class PromptsVarsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "NAME", description = "Only the variables template NAME receives.")
    String template;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> only = null;
        if (template != null) {
            TemplateSpec s = PromptRegistry.spec(template)
                    .orElseThrow(() -> new UserException("tutor: nothing renders a template called '" + template + "'; tutor prompts list shows the names"));
            only = s.variables();
            out.println(Terminal.safe(s.name() + " (" + s.agent().key() + ", " + s.role().key() + " message"
                    + s.rung().map(r -> ", rung " + r.key()).orElse("") + "): " + s.purpose()));
            out.println();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"VARIABLE", "MEANING"});
        for (Variable v : PromptRegistry.variables()) {
            if (only != null && !only.contains(v.name())) continue;
            rows.add(new String[]{"{{" + v.name() + "}}", v.meaning()});
        }
        Tables.print(out, rows);
        if (only != null) return;
        out.println();
        out.println("Built in (langchain4j): {{current_date}}, {{current_time}}, {{current_date_time}}");
        out.println();
        out.println("Which template receives what (the caller supplies exactly these):");
        List<String[]> perTemplate = new ArrayList<>();
        perTemplate.add(new String[]{"TEMPLATE", "AGENT", "RUNG", "VARIABLES"});
        for (TemplateSpec s : PromptRegistry.templates()) {
            perTemplate.add(new String[]{s.name(), s.agent().key(), s.rung().map(r -> r.key()).orElse("-"), String.join(", ", s.variables())});
        }
        perTemplate.add(new String[]{"judge-<criterion>", "judge", "-", "as judge-format (add your own criteria)"});
        Tables.print(out, perTemplate);
    }
}
