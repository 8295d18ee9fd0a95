package org.tutorgraph.cli.course;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tutor course …}: validate, show and import course packs. */
@Command(name = "course",
        description = "Work with course packs: folders of YAML that hold concepts, prerequisite edges and items.",
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
