package org.tutorgraph.cli.course;

import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.TutorCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code tutor} command line in-process, as {@code Main.run} does, capturing what it prints. */
record TutorRun(int exit, String out, String err) {

    static TutorRun tutor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(new TutorCommand()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new TutorRun(exit, out.toString(), err.toString());
    }
}
