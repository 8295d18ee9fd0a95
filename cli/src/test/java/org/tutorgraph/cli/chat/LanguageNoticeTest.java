package org.tutorgraph.cli.chat;

import org.junit.jupiter.api.Test;
import org.tutorgraph.messages.MessageLibrary;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice for a course language without translated messages: only when there is none, and saying what to do. */
class LanguageNoticeTest {

    private final MessageLibrary shipped = MessageLibrary.shipped();

    @Test
    void englishFrenchAndAFrenchRegionNeedNoNotice() {
        assertThat(LanguageNotice.of("en", shipped, true)).isEmpty();
        assertThat(LanguageNotice.of("en-GB", shipped, true)).isEmpty();
        assertThat(LanguageNotice.of("fr", shipped, true)).isEmpty();
        assertThat(LanguageNotice.of("fr-CA", shipped, false)).isEmpty();
    }

    @Test
    void anUntranslatedLanguageGetsOneNoticeThatSaysEnglishAndHowToTranslate() {
        assertThat(LanguageNotice.of("de", shipped, true)).contains("tutor: note: this course is in German (de), and no prompts folder has"
                + " de/messages.properties: the tutor's own words will be in English. To translate them, copy prompts/messages.properties"
                + " to de/messages.properties in your prompts folder (--prompts DIR) and check it with tutor prompts lint.");
        assertThat(LanguageNotice.of("de-AT", shipped, false)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("tutor: note: this course is in German (Austria) (de-AT), and no prompts folder has de/messages.properties")
                .contains("the language model is still asked to write in German (Austria)."));
    }

    @Test
    void aLanguageThatIsNotATagIsNamedAsSuch() {
        assertThat(LanguageNotice.of("français", shipped, true)).hasValueSatisfying(n -> assertThat(n)
                .contains("the course's language 'français' is not a language tag").endsWith("the tutor speaks English."));
    }
}
