package org.tutorgraph.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.ConfigOptions;
import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.models.bench.PromptTokenBench;
import org.tutorgraph.prompts.PromptLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tutor eval tokens}: prompt tokens per tutor turn over a scripted session, and the size of each template. */
@Command(name = "tokens",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Count prompt tokens per tutor turn over a scripted session.",
                "",
                "The session climbs each item's ladder rung by rung after a wrong answer,",
                "then has a feedback turn. Each request is built as the chat builds it",
                "(system message + rung or feedback template, mastery summary, dialogue",
                "so far) and counted with the OpenAI tokenizer langchain4j ships (jtokkit,",
                "gpt-4o-mini). Target: median <= 900 tokens per turn.",
                "",
                "The templates are those in use, as for every command: --prompts DIR,",
                "$TUTORGRAPH_PROMPTS, the config file's prompts:, then",
                "~/.config/tutorgraph/prompts/, over the shipped ones.",
                "",
                "Examples:",
                "  tutor eval tokens                      (the bundled course)",
                "  tutor eval tokens --prompts my-prompts --json",
                ""
        })
public final class EvalTokensCommand implements Callable<Integer> {

    @Option(names = "--course", paramLabel = "PACK", description = "A course pack (default: the bundled course).")
    Path course;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CoursePack pack = CourseOption.load(course);
        PromptLibrary library = config.promptLibrary();
        PromptTokenBench.Result r;
        try {
            r = new PromptTokenBench().run(pack, library::render);
        } catch (RuntimeException e) {
            throw new UserException("tutor: a template cannot be rendered: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("course", r.course()).put("turns", r.turns()).put("median", r.median()).put("p90", r.p90())
                    .put("max", r.max()).put("system", r.systemTokens()).put("target", PromptTokenBench.TARGET_MEDIAN)
                    .put("meetsTarget", r.meetsTarget()).put("tokenizer", "jtokkit o200k (gpt-4o-mini)");
            ArrayNode t = root.putArray("templates");
            for (PromptTokenBench.TemplateSize s : r.templates()) {
                t.addObject().put("template", s.template()).put("turns", s.turns()).put("median", s.median())
                        .put("min", s.min()).put("max", s.max());
            }
            out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return 0;
        }
        out.println(Terminal.safe("Prompt tokens per tutor turn, scripted session over \"" + r.course() + "\" ("
                + r.turns() + " turns; OpenAI tokenizer, gpt-4o-mini)"));
        out.println(String.format(Locale.ROOT, "  median %d   p90 %d   max %d   target median <= %d: %s", r.median(), r.p90(),
                r.max(), PromptTokenBench.TARGET_MEDIAN, r.meetsTarget() ? "met" : "NOT met"));
        out.println();
        out.println(String.format(Locale.ROOT, "  %-18s %6s %7s %6s %6s", "template", "turns", "median", "min", "max"));
        out.println(String.format(Locale.ROOT, "  %-18s %6d %7d %6d %6d", "tutor-system", r.turns(), r.systemTokens(),
                r.systemTokens(), r.systemTokens()));
        for (PromptTokenBench.TemplateSize s : r.templates()) {
            out.println(String.format(Locale.ROOT, "  %-18s %6d %7d %6d %6d", s.template(), s.turns(), s.median(), s.min(), s.max()));
        }
        out.println();
        out.println("A turn = tutor-system + one template (+ a few tokens of message overhead).");
        return 0;
    }
}
