package org.tutorgraph.cli.course;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.guard.LadderAudit;
import org.tutorgraph.graph.CoursePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/** {@code tutor course validate [PACK]}. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Check a course pack; list each problem with its file and line.",
                "Exit code 0 when the pack is valid, 1 when it has problems.",
                "",
                "It also audits the hint ladders with the answer-leak guard: a rung below",
                "bottom-out (or a misconception's probe) that reveals the item's answer, or a",
                "later scaffold's answer, is listed as a warning; --strict makes warnings fail.",
                "",
                "Without PACK, checks the bundled course.",
                "",
                "Examples:",
                "  tutor course validate my-course",
                "  tutor course validate --strict      (the bundled course; warnings fail)",
                ""
        })
public final class CourseValidateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK", description = "Course pack folder (or its course.yaml).")
    Path pack;

    @Option(names = "--strict", description = "Treat ladder-leak warnings as problems (exit 1).")
    boolean strict;

    @Override
    public void run() {
        CoursePack loaded = CourseOption.load(pack);
        List<LadderAudit.Finding> leaks = LadderAudit.audit(loaded);
        for (LadderAudit.Finding f : leaks) {
            spec.commandLine().getErr().println(Terminal.safe((strict ? "" : "warning: ") + f.message()));
        }
        if (strict && !leaks.isEmpty()) {
            throw new UserException(leaks.size() + " hint text" + (leaks.size() == 1 ? "" : "s") + " reveal an answer too early");
        }
        spec.commandLine().getOut().printf("%s: valid (%d concepts, %d requires edges, %d anyOf groups, %d supports edges, %d items)%n",
                pack == null ? "bundled course '" + loaded.meta().id() + "'" : pack.toString(),
                loaded.graph().size(), loaded.graph().requiresLinks().size(), loaded.graph().anyOfGroups().size(),
                loaded.graph().supportsLinks().size(), loaded.items().size());
    }
}
