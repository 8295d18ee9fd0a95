package org.tutorgraph.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help of every command reads well in an 80-column terminal: the first description line, which the parent
 * command lists as the summary, is one complete short sentence; no line is so long that picocli wraps it mid-phrase;
 * and every command that does something shows an example.
 */
class HelpTextTest {

    /** Room for a summary on one line of the parent's command list: 80 columns less the indent and the name column. */
    static int summaryRoom(CommandLine c) {
        CommandLine parent = c.getParent();
        if (parent == null) return 80;
        int longest = parent.getSubcommands().keySet().stream().mapToInt(String::length).max().orElse(0);
        return 80 - 2 - longest - 2;
    }

    static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new TutorCommand()), all);
        return all;
    }

    private static void collect(CommandLine c, List<CommandLine> all) {
        all.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!all.contains(sub)) collect(sub, all);
        }
    }

    private static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    @Test
    void everySummaryIsOneCompleteShortSentence() {
        List<String> bad = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            String[] d = c.getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0];
            boolean sentence = first.length() > 10 && Character.isUpperCase(first.charAt(0)) && first.endsWith(".")
                    && first.length() <= summaryRoom(c) && !first.endsWith("e.g.");
            if (!sentence) bad.add(name(c) + ": '" + first + "'");
        }
        assertThat(bad).as("summaries that are cut off, too long or not a sentence").isEmpty();
    }

    /**
     * A line wider than the terminal is wrapped by picocli; that reads well only for a whole paragraph of prose (the
     * wrap has the paragraph's end to fall back on), not for an indented example or a line followed by more of its
     * paragraph, which leaves a word or two dangling.
     */
    @Test
    void noLineIsWrappedMidParagraph() {
        List<String> bad = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            String[] d = c.getCommandSpec().usageMessage().description();
            for (int i = 0; i < d.length; i++) {
                boolean paragraph = !d[i].startsWith(" ") && (i == d.length - 1 || d[i + 1].isBlank());
                if (d[i].length() > 79 && !paragraph) bad.add(name(c) + ": " + d[i].length() + ": " + d[i]);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyCommandShowsAnExample() {
        List<String> bad = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            String help = String.join("\n", c.getCommandSpec().usageMessage().description())
                    + String.join("\n", c.getCommandSpec().usageMessage().footer());
            if (!help.contains("Example") && !help.contains("Start with")) bad.add(name(c));
        }
        assertThat(bad).as("commands whose help has no example").isEmpty();
    }
}
