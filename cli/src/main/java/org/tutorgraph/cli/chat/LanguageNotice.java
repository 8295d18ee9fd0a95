package org.tutorgraph.cli.chat;

import org.tutorgraph.messages.MessageFile;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.prompts.Languages;

import java.util.Optional;

/**
 * The one line {@code tutor chat} prints when a course's language has no translation of the tutor's words (say
 * {@code language: de} with no {@code de/messages.properties} in any prompts folder): the chat still runs, in English,
 * and the educator learns why and how to translate. Not an error. O(languages × folders).
 */
final class LanguageNotice {

    private LanguageNotice() {
    }

    /**
     * The notice for a course in {@code languageTag}, or empty when its messages exist (English, or a translation in the
     * tag's chain: {@code fr-CA} is served by {@code fr/}).
     *
     * @param offline whether the tutor has no language model (else the model is still asked to write in the language)
     */
    static Optional<String> of(String languageTag, MessageLibrary messages, boolean offline) {
        Optional<String> tag = Languages.normalise(languageTag);
        if (tag.isEmpty()) {
            return Optional.of("tutor: note: the course's language '" + languageTag + "' is not a language tag (write a BCP 47 tag"
                    + " such as fr or pt-BR in course.yaml): the tutor speaks English.");
        }
        if (messages.translates(tag.get())) return Optional.empty();
        String name = Languages.englishName(tag.get());
        String primary = Languages.fallbackChain(tag.get()).get(Languages.fallbackChain(tag.get()).size() - 2);
        return Optional.of("tutor: note: this course is in " + name + " (" + tag.get() + "), and no prompts folder has " + primary + "/"
                + MessageFile.NAME + ": the tutor's own words will be in English"
                + (offline ? "." : "; the language model is still asked to write in " + name + ".")
                + " To translate them, copy prompts/" + MessageFile.NAME + " to " + primary + "/" + MessageFile.NAME
                + " in your prompts folder (--prompts DIR) and check it with tutor prompts lint.");
    }
}
