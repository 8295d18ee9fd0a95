package org.tutorgraph.messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of a message file: the words the offline tutor or the chat shows for {@code key}, with
 * {@code {{placeholders}}} (the templates' syntax) filled in when it is said.
 *
 * @param key      the message's name ({@code voice.correct}, {@code chat.help.hint}, a plural form {@code plan.steps.one})
 * @param text     the text, placeholders unfilled
 * @param location the file it comes from ({@code default:org/tutorgraph/prompts/fr/messages.properties} or a path)
 * @param line     the 1-based line where it starts
 */
public record Message(String key, String text, String location, int line) {

    /** {@code {{name}}} or {@code {{ name }}}: a letter, then letters, digits or {@code _}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\}\\}");

    /** The placeholders the text uses, in order of first use. */
    public Set<String> placeholders() {
        return placeholders(text);
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Whether braces are left over once the well-formed placeholders are taken out ({@code {{name}}, {{ x}, {name}}}). */
    static boolean hasStrayBraces(String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        return rest.contains("{{") || rest.contains("}}");
    }

    /**
     * The text with each placeholder replaced by its value, in one pass: a value that itself contains {@code {{…}}}
     * (a learner's words, a course's text) is never expanded. O(length of the text and the values).
     *
     * @throws IllegalArgumentException when a placeholder has no value (a caller's mistake: the files are checked
     *                                  against the shipped base when they load, so only its placeholders occur)
     */
    public String render(Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("message " + key + " (" + location + ":" + line + ") needs a value for {{" + name + "}}");
            }
            Object v = values.get(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The plural categories a message file may give a family of plural messages ({@code KEY.one}, {@code KEY.other}…). */
    public static final List<String> PLURAL_CATEGORIES = List.of("zero", "one", "two", "few", "many", "other");
}
