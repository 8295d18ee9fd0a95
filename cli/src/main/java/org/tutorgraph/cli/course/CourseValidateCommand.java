package org.tutorgraph.cli.course;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.graph.CoursePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code tutor course validate [PACK]}. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Check a course pack and list every problem with its file and line.",
                "Exit code 0 when the pack is valid, 1 when it has problems.",
                "",
                "Without PACK, checks the bundled course."
        })
public final class CourseValidateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK", description = "Course pack folder (or its course.yaml).")
    Path pack;

    @Override
    public void run() {
        CoursePack loaded = CourseOption.load(pack);
        spec.commandLine().getOut().printf("%s: valid (%d concepts, %d requires edges, %d anyOf groups, %d supports edges, %d items)%n",
                pack == null ? "bundled course '" + loaded.meta().id() + "'" : pack.toString(),
                loaded.graph().size(), loaded.graph().requiresLinks().size(), loaded.graph().anyOfGroups().size(),
                loaded.graph().supportsLinks().size(), loaded.items().size());
    }
}
