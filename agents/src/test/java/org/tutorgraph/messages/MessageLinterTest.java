package org.tutorgraph.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptSource;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tutor prompts lint} on message files: each problem with its file and line, and what is left untranslated. */
class MessageLinterTest {

    static final Path REPO_PROMPTS = Path.of("..", "prompts");

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(MessageLinterTest.class.getResource("/message-fixtures/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lint(Path dir) {
        PromptSource source = PromptSource.user(dir);
        return MessageLinter.lint(List.of(source), List.of(source, PromptSource.defaults())).stream().map(PromptProblem::toString).toList();
    }

    @Test
    void theRepositoryMessagesLintWithoutAnyProblem() {
        PromptSource repo = PromptSource.user(REPO_PROMPTS);
        assertThat(MessageLinter.lint(List.of(repo), List.of(repo))).map(PromptProblem::toString).isEmpty();
    }

    @Test
    void reportsEveryMistakeOfATranslationWithItsLine() {
        Path file = fixture("typos").resolve("fr/messages.properties");
        List<String> problems = lint(fixture("typos"));
        assertThat(problems).containsExactlyInAnyOrder(
                file + ":3: error: unknown message voice.corect (did you mean voice.correct?)",
                file + ":4: error: message session.hello uses an unknown placeholder {{learnr}}: did you mean {{learner}}? it takes {{learner}}, {{course}}",
                file + ":4: warning: message session.hello leaves out {{learner}}, which default:org/tutorgraph/prompts/messages.properties:54 has:"
                        + " the learner will not see it. Add {{learner}}, or if that is meant, say so in a comment line above: # leaves out {{learner}}",
                file + ":5: warning: message teach.new leaves out {{position}}, which default:org/tutorgraph/prompts/messages.properties:116 has:"
                        + " the learner will not see it. Add {{position}}, or if that is meant, say so in a comment line above: # leaves out {{position}}",
                file + ":6: error: no '=' after 'this': write this = text",
                file + ":11: error: message voice.incorrect is set twice (first on line 10)");
        // a singular form may spell out its count ("une étape"), and a comment can say an omission is meant (line 9)
        assertThat(problems).noneMatch(p -> p.contains("plan.stepsLeft") || p.contains("format.number"));
    }

    @Test
    void aTranslationJustBegunGetsOneWarningThatCountsWhatIsLeft() {
        List<String> problems = lint(fixture("partial"));
        // a plural family (KEY.one, KEY.other) counts as one message
        int base = MessageCatalog.shipped().keys().size() - MessageCatalog.shipped().pluralFamilies().size();
        assertThat(problems).singleElement().asString()
                .startsWith(fixture("partial").resolve("de/messages.properties") + ": warning: " + (base - 3) + " of the " + base
                        + " base messages are not translated to German (")
                .endsWith("): German courses show the base (English) text for them");
    }

    @Test
    void aNearlyCompleteTranslationNamesEachMissingMessageAndItsEnglishLine(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(REPO_PROMPTS.resolve("fr/messages.properties"), StandardCharsets.UTF_8);
        String without = shipped.lines().filter(l -> !l.startsWith("voice.correct ") && !l.startsWith("plan.stepsLeft."))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.createDirectories(dir.resolve("fr"));
        Files.writeString(dir.resolve("fr/messages.properties"), without, StandardCharsets.UTF_8);
        PromptSource alone = PromptSource.user(dir);
        List<String> problems = MessageLinter.completeness(List.of(alone), MessageCatalog.shipped()).stream().map(PromptProblem::toString).toList();
        String file = dir.resolve("fr/messages.properties").toString();
        assertThat(problems).containsExactly(
                file + ": warning: message voice.correct (default:org/tutorgraph/prompts/messages.properties:13) is not translated to French:"
                        + " French courses show the base (English) text",
                file + ": warning: message plan.stepsLeft.* (default:org/tutorgraph/prompts/messages.properties:102) is not translated to French:"
                        + " French courses show the base (English) text");
        // over the shipped defaults, the shipped French file fills the gap: nothing is left English
        assertThat(MessageLinter.completeness(List.of(alone, PromptSource.defaults()), MessageCatalog.shipped())).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAndAnOverrideOfEnglishIsChecked(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("fr"));
        Files.write(dir.resolve("fr/messages.properties"), "voice.correct = C'est \u00e7a\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(lint(dir)).containsExactly(dir.resolve("fr/messages.properties") + ": error: not UTF-8 text: save the file as UTF-8");
        assertThat(lint(fixture("override"))).isEmpty();
    }
}
