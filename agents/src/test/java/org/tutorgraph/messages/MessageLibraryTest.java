package org.tutorgraph.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.prompts.PromptProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layered message files: languages, overrides, plurals, and {@code /reload} keeping a broken file's previous version. */
class MessageLibraryTest {

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void aCourseLanguageGetsItsTranslationAndARegionFallsBackToTheLanguage() {
        MessageLibrary shipped = MessageLibrary.shipped();
        assertThat(shipped.in("fr").text("voice.correct")).isEqualTo("C'est ça, bravo !");
        assertThat(shipped.in("fr-CA").text("voice.correct")).isEqualTo("C'est ça, bravo !");
        assertThat(shipped.in("en").text("voice.correct")).isEqualTo("Right! That's it.");
        assertThat(shipped.in("fr").text("session.hello", "learner", "ada", "course", "Les relatifs"))
                .isEqualTo("Bonjour ada ! Bienvenue dans « Les relatifs ».");
        assertThat(shipped.in("fr").plural("plan.stepsLeft", 1)).isEqualTo("Il reste 1 étape.");
        assertThat(shipped.in("fr").plural("plan.stepsLeft", 3)).isEqualTo("Il reste 3 étapes.");
        // French counts 0 as singular, English as plural
        assertThat(shipped.in("fr").plural("plan.stepsLeft", 0)).isEqualTo("Il reste 0 étape.");
        assertThat(shipped.in("en").plural("plan.stepsLeft", 0)).isEqualTo("0 steps left.");
    }

    @Test
    void aLanguageWithoutTranslationSpeaksEnglishAndSaysSo() {
        MessageLibrary shipped = MessageLibrary.shipped();
        assertThat(shipped.in("de").text("voice.correct")).isEqualTo("Right! That's it.");
        assertThat(shipped.translates("de")).isFalse();
        assertThat(shipped.translates("fr")).isTrue();
        assertThat(shipped.translates("fr-CA")).isTrue();
        assertThat(shipped.translates("en")).isTrue();
        assertThat(shipped.translates("en-GB")).isTrue();
        assertThat(shipped.translates("")).isTrue();
    }

    @Test
    void anOverrideChangesOnlyTheMessagesItSetsAndTheLanguageFolderComesFirst() {
        MessageLibrary layered = MessageLibrary.layered(List.of(MessageLinterTest.fixture("override")));
        assertThat(layered.problems()).isEmpty();
        assertThat(layered.in("en").text("voice.correct")).isEqualTo("Spot on!");
        assertThat(layered.in("en").text("voice.incorrect")).isEqualTo("Not quite.");
        assertThat(layered.in("fr").text("voice.correct")).isEqualTo("C'est ça, bravo !");
        assertThat(layered.files()).first().satisfies(f -> {
            assertThat(f.isDefault()).isFalse();
            assertThat(f.messages()).isEqualTo(2);
        });
    }

    @Test
    void aBrokenFileAtStartIsNotUsedAndTheNextFolderStandsIn() {
        MessageLibrary layered = MessageLibrary.layered(List.of(MessageLinterTest.fixture("typos")));
        assertThat(layered.in("fr").text("voice.correct")).isEqualTo("C'est ça, bravo !");
        assertThat(layered.problems()).map(PromptProblem::toString).isNotEmpty()
                .allMatch(p -> p.endsWith("(not used: the messages come from the next folder down)"))
                .anyMatch(p -> p.contains("fr/messages.properties:3: error: unknown message voice.corect"));
    }

    @Test
    void reloadReadsChangesAndABrokenFileKeepsItsPreviousVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fr/messages.properties");
        write(file, "voice.correct = Exact !\n");
        MessageLibrary library = MessageLibrary.layered(List.of(dir));
        Messages say = library.in("fr");
        assertThat(say.text("voice.correct")).isEqualTo("Exact !");

        write(file, "voice.correct = Parfait !\nvoice.incorrect Pas encore\n");
        List<PromptProblem> problems = library.reload();
        assertThat(problems).map(PromptProblem::toString)
                .containsExactly(file + ":2: error: no '=' after 'voice.incorrect': write voice.incorrect = text (kept the previous version)");
        assertThat(say.text("voice.correct")).isEqualTo("Exact !");
        assertThat(library.problems()).isEqualTo(problems);

        write(file, "voice.correct = Parfait !\nvoice.incorrect = Pas encore.\n");
        assertThat(library.reload()).isEmpty();
        assertThat(say.text("voice.correct")).isEqualTo("Parfait !");
        assertThat(say.text("voice.incorrect")).isEqualTo("Pas encore.");
        assertThat(library.problems()).isEmpty();
    }
}
