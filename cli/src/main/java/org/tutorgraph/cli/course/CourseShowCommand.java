package org.tutorgraph.cli.course;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.graph.CoursePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code tutor course show [PACK] --format text|json|dot|mermaid}. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Show a course pack: concepts in learning order and their edges.",
                "Without PACK, shows the bundled course.",
                "",
                "Formats:",
                "  text     to read in a terminal: each concept after all it requires",
                "  json     for programs: course, counts, concepts, edges, items",
                "  dot      Graphviz:",
                "           tutor course show --format dot | dot -Tsvg > course.svg",
                "  mermaid  a 'graph TD' flowchart for Markdown (GitHub renders it)",
                "In dot and mermaid, requires edges are solid (thick in mermaid),",
                "anyOf edges are labelled with their group, and supports edges are",
                "dotted and labelled with their strength.",
                "",
                "Examples:",
                "  tutor course show",
                "  tutor course show my-course --format json > course.json",
                ""
        })
public final class CourseShowCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK", description = "Course pack folder (or its course.yaml).")
    Path pack;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = CourseFormat.Converter.class, completionCandidates = CourseFormat.Names.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CourseFormat format;

    @Override
    public void run() {
        CoursePack loaded = CourseOption.load(pack);
        String out = switch (format) {
            case TEXT -> CourseText.render(loaded);
            case JSON -> CourseJson.render(loaded);
            case DOT -> CourseDot.render(loaded);
            case MERMAID -> CourseMermaid.render(loaded);
        };
        spec.commandLine().getOut().print(Terminal.safe(out));
        spec.commandLine().getOut().flush();
    }
}
