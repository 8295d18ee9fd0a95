package org.tutorgraph.cli.course;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor course …}: validate, show and import course packs. */
@Command(name = "course",
        description = {
                "Check, show and import course packs.",
                "",
                "A course pack is a folder of YAML: course.yaml, concepts.yaml (concepts",
                "and their prerequisite edges) and items/*.yaml (questions with their hint",
                "ladders). Without a pack, commands use the bundled algebra course.",
                "",
                "Examples:",
                "  tutor course validate my-course",
                "  tutor course show --format dot | dot -Tsvg > course.svg",
                "  tutor course import --from csv edges.csv --out my-course",
                ""
        },
        mixinStandardHelpOptions = true,
        subcommands = {
                CourseValidateCommand.class,
                CourseShowCommand.class,
                CourseImportCommand.class,
        })
public final class CourseCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
