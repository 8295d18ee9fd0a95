package org.tutorgraph.cli.chat;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The interactive chat: JLine line editing (arrows, Ctrl-A/E, Ctrl-R search) with a history file under the XDG state
 * directory ({@code $XDG_STATE_HOME/tutorgraph/chat_history}, {@code ~/.local/state/…}; owner-only). Ctrl-D ends the
 * session, Ctrl-C clears the line. The tutor's words are shown in the terminal's normal colour, notes dimmed.
 */
final class JLineIo implements ChatIo {

    private final Terminal terminal;
    private final LineReader reader;

    JLineIo(Map<String, String> env) throws IOException {
        this.terminal = TerminalBuilder.builder().system(true).build();
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("tutor");
        Path history = historyFile(env);
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        this.reader = b.build();
    }

    private static Path historyFile(Map<String, String> env) {
        try {
            String state = env.get("XDG_STATE_HOME");
            Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                    : Path.of(System.getProperty("user.home"), ".local", "state");
            Path dir = base.resolve("tutorgraph");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return dir.resolve("chat_history");
        } catch (IOException | RuntimeException e) {
            return null; // no history then
        }
    }

    @Override
    public Optional<Line> readLine(String prompt) {
        String styled = new AttributedString(prompt, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)).toAnsi(terminal);
        while (true) {
            try {
                String line = reader.readLine(styled);
                if (line.length() > BoundedLines.MAX_LINE) return Optional.of(new Line(line.substring(0, BoundedLines.MAX_LINE), true));
                return Optional.of(new Line(line, false));
            } catch (UserInterruptException e) {
                print("(Type /quit to leave; your progress is saved.)\n", Style.QUIET);
            } catch (EndOfFileException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void print(String text, Style style) {
        AttributedStyle s = switch (style) {
            case QUIET -> AttributedStyle.DEFAULT.faint();
            case TUTOR, NORMAL -> AttributedStyle.DEFAULT;
        };
        terminal.writer().print(style == Style.QUIET ? new AttributedString(text, s).toAnsi(terminal) : text);
        terminal.writer().flush();
    }

    @Override
    public void stream(String chunk) {
        terminal.writer().print(chunk);
        terminal.writer().flush();
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException ignored) {
            // history is a convenience
        }
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
