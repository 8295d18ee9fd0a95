package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void normalisesTagsAndRejectsOtherFolderNames() {
        assertThat(Languages.normalise("FR-ca")).contains("fr-CA");
        assertThat(Languages.normalise("pt_BR")).contains("pt-BR");
        assertThat(Languages.normalise("tournament")).isEmpty();
        assertThat(Languages.normalise("cases")).isEmpty();
        assertThat(Languages.normalise("")).isEmpty();
    }

    @Test
    void fallsBackFromRegionToLanguageToBase() {
        assertThat(Languages.fallbackChain("fr-CA")).containsExactly("fr-CA", "fr", "");
        assertThat(Languages.fallbackChain("en")).containsExactly("en", "");
        assertThat(Languages.fallbackChain("not a tag")).containsExactly("");
    }

    @Test
    void namesLanguagesInEnglish() {
        assertThat(Languages.englishName("fr")).isEqualTo("French");
        assertThat(Languages.englishName("pt-BR")).isEqualTo("Portuguese (Brazil)");
        assertThat(Languages.englishName("en")).isEqualTo("English");
    }
}
