package org.tutorgraph.messages;

import org.tutorgraph.prompts.Languages;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks message files ({@code tutor prompts lint} runs it with the template linter):
 * <ul>
 *   <li>per file, errors (such a file is not used): not UTF-8, a malformed escape, a line without {@code =}, a key set
 *       twice, an empty message, stray braces, an unknown key (with the nearest known one), a placeholder the base
 *       message does not have. The keys and placeholders of the lines that did parse are checked even when another
 *       line did not, so one run lists every problem of the file;</li>
 *   <li>per file, a warning for a message that leaves out a placeholder of its base message
 *       ({@link MessageCatalog#leftOut});</li>
 *   <li>per library, a warning for each base message a language's files leave untranslated, naming the base file and
 *       line: those fall back to the base (English) message, so a French course would show them in English. A plural
 *       family counts as translated when the language gives its {@code other} form. A language that translates less
 *       than half of the base (a translation just begun) gets one warning that counts and lists the first few.</li>
 * </ul>
 * O(total size of the files).
 */
public final class MessageLinter {

    private MessageLinter() {
    }

    /** Lints the files of {@code filesToCheck} and the completeness of the library {@code library} (precedence order). */
    public static List<PromptProblem> lint(List<PromptSource> filesToCheck, List<PromptSource> library) {
        MessageCatalog catalog = MessageCatalog.shipped();
        List<PromptProblem> problems = new ArrayList<>();
        for (PromptSource source : filesToCheck) {
            if (!Files.isDirectory(source.dir())) continue; // the template linter reports a missing folder
            for (MessageLibrary.FileRef ref : MessageLibrary.files(source, 0, problems)) {
                MessageFile.Parsed parsed = MessageFile.read(ref.path(), ref.location());
                problems.addAll(parsed.problems());
                problems.addAll(catalog.check(parsed));
                problems.addAll(catalog.leftOut(parsed));
            }
        }
        problems.addAll(completeness(library, catalog));
        return problems;
    }

    /** For each language folder with messages: the base messages none of its usable files translate. */
    static List<PromptProblem> completeness(List<PromptSource> sources, MessageCatalog catalog) {
        Map<String, Set<String>> translated = new TreeMap<>();
        Map<String, String> firstFile = new TreeMap<>();
        for (PromptSource source : sources) {
            if (!Files.isDirectory(source.dir())) continue;
            for (MessageLibrary.FileRef ref : MessageLibrary.files(source, 0, new ArrayList<>())) {
                if (ref.language().isEmpty()) continue;
                MessageFile.Parsed parsed = MessageFile.read(ref.path(), ref.location());
                if (!parsed.usable() || catalog.check(parsed).stream().anyMatch(PromptProblem::isError)) continue;
                translated.computeIfAbsent(ref.language(), k -> new LinkedHashSet<>()).addAll(parsed.messages().keySet());
                firstFile.putIfAbsent(ref.language(), ref.location());
            }
        }
        List<PromptProblem> problems = new ArrayList<>();
        for (String lang : translated.keySet()) {
            // fr-CA falls back to fr before the base: what fr translates is translated for fr-CA too
            Set<String> have = new LinkedHashSet<>();
            for (String l : Languages.fallbackChain(lang)) if (!l.isEmpty()) have.addAll(translated.getOrDefault(l, Set.of()));
            List<String> missing = new ArrayList<>();
            for (String key : catalog.keys()) {
                String family = catalog.family(key).orElse(null);
                if (family != null ? have.contains(family + ".other") : have.contains(key)) continue;
                if (family != null && !key.equals(family + ".other")) continue; // reported once, by its other form
                missing.add(key);
            }
            if (missing.isEmpty()) continue;
            String name = Languages.englishName(lang);
            String file = firstFile.get(lang);
            // a plural family is one message here, as in the missing list
            long total = catalog.keys().stream().filter(k -> catalog.family(k).map(f -> k.equals(f + ".other")).orElse(true)).count();
            if (missing.size() * 2 > total) {
                List<String> shown = missing.subList(0, Math.min(8, missing.size())).stream().map(k -> shownKey(k, catalog)).toList();
                problems.add(PromptProblem.warning(file, 0, missing.size() + " of the " + total + " base messages are not translated to "
                        + name + " (" + String.join(", ", shown) + (missing.size() > 8 ? ", …" : "") + "): " + name
                        + " courses show the base (English) text for them"));
                continue;
            }
            for (String key : missing) {
                Message english = catalog.base(key).orElseThrow();
                problems.add(PromptProblem.warning(file, 0, "message " + shownKey(key, catalog) + " (" + english.location() + ":" + english.line()
                        + ") is not translated to " + name + ": " + name + " courses show the base (English) text"));
            }
        }
        return problems;
    }

    private static String shownKey(String key, MessageCatalog catalog) {
        return catalog.family(key).map(f -> f + ".*").orElse(key);
    }

    public static boolean hasErrors(List<PromptProblem> problems) {
        return problems.stream().anyMatch(PromptProblem::isError);
    }
}
