package org.tutorgraph.cli;

import org.tutorgraph.cli.course.CourseCommand;
import org.tutorgraph.cli.eval.EvalCommand;
import org.tutorgraph.cli.kt.KtCommand;
import org.tutorgraph.cli.plan.PlanCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code tutor} command: a tutor in the terminal, and the tools around it. */
@Command(name = "tutor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "A tutor in the terminal that diagnoses, plans and teaches.",
                "",
                "It finds out what you know, plans a path to your goals over a knowledge",
                "graph of prerequisites, and teaches with scaffolded hints that never give",
                "the answer away too early. It needs no language model; with one (see",
                "tutor doctor --help) the tutor phrases its hints in its own words.",
                "",
                "Start with:  tutor chat          (the bundled algebra course, no model needed)",
                "             tutor course show   (what that course covers)",
                ""
        },
        subcommands = {
                org.tutorgraph.cli.chat.ChatCommand.class,
                org.tutorgraph.cli.trace.TraceCommand.class,
                CourseCommand.class,
                org.tutorgraph.cli.learners.LearnersCommand.class,
                KtCommand.class,
                PlanCommand.class,
                EvalCommand.class,
                org.tutorgraph.cli.prompts.PromptsCommand.class,
                org.tutorgraph.cli.doctor.DoctorCommand.class,
                org.tutorgraph.cli.bench.BenchCommand.class,
        })
public final class TutorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
