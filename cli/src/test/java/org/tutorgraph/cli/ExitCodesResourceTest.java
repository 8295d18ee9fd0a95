package org.tutorgraph.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** An OutOfMemoryError or StackOverflowError in a command ends in a clear message and an exit code, not a JVM trace. */
class ExitCodesResourceTest {

    @Command(name = "boom")
    static final class Boom implements Runnable {
        Error error;

        @Override
        public void run() {
            throw error;
        }
    }

    private static String[] run(Error error) {
        Boom boom = new Boom();
        boom.error = error;
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(boom));
        cmd.setErr(new PrintWriter(err, true));
        return new String[]{Integer.toString(cmd.execute()), err.toString()};
    }

    @Test
    void outOfMemoryIsAUserErrorThatSaysHowToGiveMoreMemory() {
        String[] r = run(new OutOfMemoryError("Java heap space"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).startsWith("tutor: ran out of memory (the Java heap holds ").contains("TUTOR_JAVA_OPTS=-Xmx4g")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void stackOverflowIsAnInternalErrorWithoutATrace() {
        String[] r = run(new StackOverflowError());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("stack overflow").doesNotContain("\tat ");
    }
}
