package org.tutorgraph.messages;

import org.tutorgraph.prompts.Languages;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The messages of a {@link MessageLibrary} for one course language: what the offline tutor and the chat call to say
 * something. Looked up at each call, so a {@code /reload} shows at once.
 *
 * <pre>{@code
 * Messages say = library.in("fr");
 * say.text("voice.correct");                                   // "C'est ça, bravo !"
 * say.text("session.hello", "learner", "ada", "course", title); // name, value, name, value…
 * say.plural("plan.stepsLeft", 3);                             // {{count}} is filled in: "3 étapes restantes."
 * }</pre>
 */
public final class Messages {

    private final MessageLibrary library;
    private final String language;

    Messages(MessageLibrary library, String languageTag) {
        this.library = Objects.requireNonNull(library, "library");
        this.language = Languages.normalise(languageTag).orElse("en");
    }

    /** The shipped English messages (for callers that have no course: tests, tools). */
    public static Messages english() {
        return MessageLibrary.shipped().in("en");
    }

    /** The course language these messages are for (a normalised BCP 47 tag; {@code en} when none was given). */
    public String language() {
        return language;
    }

    public MessageLibrary library() {
        return library;
    }

    /**
     * The message {@code key} with its placeholders filled in.
     *
     * @param namesAndValues placeholder name, value, name, value…
     * @throws IllegalArgumentException for a key the shipped base does not have, or a placeholder without a value
     */
    public String text(String key, Object... namesAndValues) {
        Message m = library.find(key, language)
                .orElseThrow(() -> new IllegalArgumentException("no message " + key + " (add it to prompts/" + MessageFile.NAME + ")"));
        return m.render(values(namesAndValues));
    }

    /**
     * The plural form of {@code family} for {@code count} ({@code family.one} or {@code family.other}, see
     * {@link Plurals}), with {@code {{count}}} filled in as well as the other placeholders.
     */
    public String plural(String family, long count, Object... namesAndValues) {
        String category = Plurals.category(language, count);
        Message m = library.findPlural(family, category, language)
                .orElseThrow(() -> new IllegalArgumentException("no message " + family + ".other (add it to prompts/" + MessageFile.NAME + ")"));
        Map<String, Object> values = values(namesAndValues);
        values.putIfAbsent("count", count);
        return m.render(values);
    }

    /** {@code a, b or c} with the language's word for "or" ({@code word.or}). */
    public String orList(List<String> items) {
        return list(items, text("word.or"));
    }

    private static String list(List<String> items, String word) {
        if (items.size() < 2) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + word + " " + items.get(items.size() - 1);
    }

    /** A whole number with the language's digit grouping ({@code 4,000}; French {@code 4 000} with a narrow space). */
    public String integer(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(language)).format(n);
    }

    private static Map<String, Object> values(Object[] namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("placeholder names and values must come in pairs");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) values.put(namesAndValues[i].toString(), namesAndValues[i + 1]);
        return values;
    }

    @Override
    public String toString() {
        return "Messages[" + language + "]";
    }
}
