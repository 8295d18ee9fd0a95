package org.tutorgraph.cli.chat;

import org.tutorgraph.cli.ExitCodes;
import org.tutorgraph.cli.TutorCommand;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** Runs {@code tutor chat} in-process with a given stdin (not a terminal), capturing its output. */
record ChatRun(int exit, String out, String err) {

    static ChatRun of(String stdin, String... args) {
        return of(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static ChatRun of(byte[] stdin, String... args) {
        return of(null, stdin, args);
    }

    /**
     * Runs with {@code env} in place of the process environment for the model settings and prompt folders (null: the
     * process environment), so that a developer's own {@code TUTORGRAPH_*} variables or config cannot change a test.
     */
    static ChatRun of(Map<String, String> env, String stdin, String... args) {
        return of(env, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private static ChatRun of(Map<String, String> env, byte[] stdin, String... args) {
        return of(env, () -> new ByteArrayInputStream(stdin), args);
    }

    /** Runs with the input {@code stdin} gives (a stream that changes files as the script reaches a line, say). */
    static ChatRun of(Map<String, String> env, Supplier<InputStream> stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ChatCommand.class) {
                    ChatCommand chat = new ChatCommand(stdin, false);
                    if (env != null) chat.models.environment(env);
                    return cls.cast(chat);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cmd = ExitCodes.configure(new CommandLine(new TutorCommand(), factory));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "chat";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cmd.execute(all);
        return new ChatRun(exit, out.toString(), err.toString());
    }
}
