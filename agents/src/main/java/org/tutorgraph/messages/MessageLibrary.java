package org.tutorgraph.messages;

import org.tutorgraph.prompts.Languages;
import org.tutorgraph.prompts.PromptDirectories;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The words the offline tutor and the chat say, from message files in the prompt folders: {@code messages.properties}
 * (the base, English) and a file per language ({@code fr/messages.properties}), layered exactly like the prompt
 * templates ({@link PromptDirectories}: {@code --prompts DIR}, {@code TUTORGRAPH_PROMPTS}, the config file, the XDG
 * folder, the shipped defaults) but message by message: a file in a higher folder changes only the messages it sets.
 *
 * <p>Lookup for a course in {@code fr-CA}: the {@code fr-CA/} files of every folder (highest first), then the
 * {@code fr/} files, then the base files; the first that has the message wins, as for templates. A plural message
 * ({@link Messages#plural}) looks for the learner's category ({@code KEY.one}) and then {@code KEY.other} in each
 * language before falling back to the next.
 *
 * <p>A file with an error (see {@link MessageFile} and {@link MessageCatalog#check}) is not used at all: at start the
 * next folder's messages stand in; on {@link #reload()} the file's previous version is kept. Loading is O(total size of
 * the files); a lookup is O(languages × folders) hash lookups. Thread-safe: a reload swaps in a new immutable snapshot.
 */
public final class MessageLibrary {

    /** A message file inside a source: its language folder ({@code ""} for the base). */
    public record FileRef(PromptSource source, int sourceIndex, String language, Path path, String location) {
    }

    /** A file in use, and how many messages it sets. */
    public record FileInUse(String language, String location, boolean isDefault, int messages) {
    }

    private record Slot(int source, String language) {
    }

    private record Snapshot(Map<Slot, Map<String, Message>> files, Map<String, Map<String, Message>> byLocation,
                            List<FileInUse> inUse, List<PromptProblem> problems) {
    }

    private final List<PromptSource> sources;
    private final MessageCatalog catalog;
    private volatile Snapshot snapshot;

    private MessageLibrary(List<PromptSource> sources, MessageCatalog catalog) {
        this.sources = List.copyOf(sources);
        this.catalog = catalog;
        this.snapshot = read(null);
    }

    /** The message files of {@code sources}, highest precedence first (normally ending with {@link PromptSource#defaults()}). */
    public static MessageLibrary load(List<PromptSource> sources) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no message sources");
        return new MessageLibrary(sources, MessageCatalog.shipped());
    }

    /** The user folders {@code userDirs} (highest first) over the shipped defaults: give it {@code Settings.promptDirs()}. */
    public static MessageLibrary layered(List<Path> userDirs) {
        return load(PromptDirectories.sources(userDirs));
    }

    /** The shipped messages alone (English and the shipped translations). Loaded once. */
    public static MessageLibrary shipped() {
        return Shipped.LIBRARY;
    }

    private static final class Shipped {
        static final MessageLibrary LIBRARY = load(List.of(PromptSource.defaults()));
    }

    public List<PromptSource> sources() {
        return sources;
    }

    public MessageCatalog catalog() {
        return catalog;
    }

    /** The messages for a course in {@code languageTag} ({@code fr}, {@code fr-CA}; blank or unknown: English). */
    public Messages in(String languageTag) {
        return new Messages(this, languageTag);
    }

    /**
     * Whether a course in {@code languageTag} hears its own language: true for English (the base) and for a tag whose
     * language chain ({@code fr-CA}, {@code fr}) has a message file in use; false for, say, {@code de} when no folder
     * has {@code de/messages.properties}, so the caller can say once that the tutor's words will be English.
     * A blank or malformed tag means English. O(languages × folders).
     */
    public boolean translates(String languageTag) {
        Optional<String> tag = Languages.normalise(languageTag);
        if (tag.isEmpty() || Locale.forLanguageTag(tag.get()).getLanguage().equals("en")) return true;
        Set<String> chain = new HashSet<>(Languages.fallbackChain(tag.get()));
        chain.remove("");
        return snapshot.files().keySet().stream().anyMatch(slot -> chain.contains(slot.language()));
    }

    /** The errors of the last load or reload, each saying what was used instead. */
    public List<PromptProblem> problems() {
        return snapshot.problems();
    }

    /** The files in use, highest precedence first, with the number of messages each sets. */
    public List<FileInUse> files() {
        return snapshot.inUse();
    }

    /**
     * Re-reads every file. A file that is now broken keeps its previous version (or, when it had none, is skipped).
     * Returns the errors; empty when everything loaded.
     */
    public synchronized List<PromptProblem> reload() {
        snapshot = read(snapshot);
        return snapshot.problems();
    }

    /** The message {@code key} for {@code languageTag}: language folders from the most specific, each across all sources. */
    public Optional<Message> find(String key, String languageTag) {
        for (String lang : Languages.fallbackChain(languageTag)) {
            Optional<Message> m = inLanguage(key, lang);
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }

    /** A plural form: {@code family.category}, else {@code family.other}, language by language. */
    public Optional<Message> findPlural(String family, String category, String languageTag) {
        for (String lang : Languages.fallbackChain(languageTag)) {
            Optional<Message> m = inLanguage(family + "." + category, lang);
            if (m.isEmpty()) m = inLanguage(family + ".other", lang);
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }

    private Optional<Message> inLanguage(String key, String lang) {
        Map<Slot, Map<String, Message>> files = snapshot.files();
        for (int i = 0; i < sources.size(); i++) {
            Map<String, Message> file = files.get(new Slot(i, lang));
            if (file == null) continue;
            Message m = file.get(key);
            if (m != null) return Optional.of(m);
        }
        return Optional.empty();
    }

    private Snapshot read(Snapshot previous) {
        List<PromptProblem> problems = new ArrayList<>();
        Map<Slot, Map<String, Message>> files = new HashMap<>();
        Map<String, Map<String, Message>> byLocation = new HashMap<>();
        List<FileInUse> inUse = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            PromptSource source = sources.get(i);
            if (!Files.isDirectory(source.dir())) continue; // reported by the prompt library, which reads the same folders
            for (FileRef ref : files(source, i, problems)) {
                MessageFile.Parsed parsed = MessageFile.read(ref.path(), ref.location());
                List<PromptProblem> found = new ArrayList<>(parsed.problems());
                found.addAll(catalog.check(parsed)); // also when a line did not parse: every problem at once
                boolean usable = found.stream().noneMatch(PromptProblem::isError);
                Map<String, Message> use = usable ? parsed.messages() : previous == null ? null : previous.byLocation().get(ref.location());
                if (use != null) {
                    files.put(new Slot(i, ref.language()), use);
                    byLocation.put(ref.location(), use);
                    inUse.add(new FileInUse(ref.language(), ref.location(), source.isDefault(), use.size()));
                }
                String what = use != null ? "kept the previous version" : "not used: the messages come from the next folder down";
                for (PromptProblem p : found) {
                    if (p.isError()) problems.add(new PromptProblem(p.file(), p.line(), p.severity(), p.message() + " (" + what + ")"));
                }
            }
        }
        return new Snapshot(Map.copyOf(files), Map.copyOf(byLocation), List.copyOf(inUse), List.copyOf(problems));
    }

    /** The message files of a source: its base file and one per language folder, sorted by language. */
    public static List<FileRef> files(PromptSource source, int sourceIndex, List<PromptProblem> problems) {
        List<FileRef> out = new ArrayList<>();
        Path base = source.dir().resolve(MessageFile.NAME);
        if (Files.isRegularFile(base)) out.add(new FileRef(source, sourceIndex, "", base, source.locate(MessageFile.NAME)));
        try (Stream<Path> top = Files.list(source.dir())) {
            for (Path p : top.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (!Files.isDirectory(p)) continue;
                String name = p.getFileName().toString().replace("/", "");
                Optional<String> lang = Languages.normalise(name);
                if (lang.isEmpty() || !lang.get().equals(name)) continue;
                Path file = p.resolve(MessageFile.NAME);
                if (Files.isRegularFile(file)) out.add(new FileRef(source, sourceIndex, name, file, source.locate(name + "/" + MessageFile.NAME)));
            }
        } catch (IOException e) {
            problems.add(PromptProblem.error(source.dir().toString(), 0, "cannot read the prompt directory: " + e.getMessage()));
        }
        return out;
    }
}
