package org.tutorgraph.prompts;

import dev.langchain4j.model.input.PromptTemplate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The prompt templates every model call reads: the defaults shipped inside the program, overridden file by file
 * from user directories (see {@link PromptDirectories}), with optional language folders ({@code fr/tutor-probe.md}).
 *
 * <p>The contract for callers:
 * <ul>
 *   <li>{@link #render(String, Map)} returns the exact text a model receives. Pass every variable
 *       {@link PromptRegistry} lists for the template ({@link TutorSituation#vars()} builds them for tutor and judge
 *       templates). When the map holds {@code languageTag}, the template of that language is used if there is one
 *       ({@code fr-CA} → {@code fr-CA/}, {@code fr/}, then the base template).</li>
 *   <li>{@link #reload()} re-reads every file; a template that no longer parses is reported and its previous
 *       version kept. It returns the problems so the chat's {@code /reload} can print them.</li>
 *   <li>Thread-safe: a load builds an immutable snapshot and swaps it in; renders never see half a reload.</li>
 * </ul>
 *
 * <p>Loading reads each file once: O(total size of the templates). Lookups are hash lookups.
 */
public final class PromptLibrary {

    /** A template's identity: its language folder ({@code ""} for the base) and its name. */
    public record Key(String language, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = language.compareTo(o.language);
            return c != 0 ? c : name.compareTo(o.name);
        }

        @Override
        public String toString() {
            return language.isEmpty() ? name : language + "/" + name;
        }
    }

    private record Snapshot(Map<Key, Template> effective, List<Map<Key, Template>> perSource,
                            Map<String, Template> byLocation, List<PromptProblem> problems) {
    }

    private final List<PromptSource> sources;
    private volatile Snapshot snapshot;

    private PromptLibrary(List<PromptSource> sources) {
        this.sources = List.copyOf(sources);
        this.snapshot = read(null);
    }

    /** Loads the templates of {@code sources}, highest precedence first (the last is normally {@link PromptSource#defaults()}). */
    public static PromptLibrary load(List<PromptSource> sources) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no prompt sources");
        return new PromptLibrary(sources);
    }

    /** The shipped templates alone. */
    public static PromptLibrary defaults() {
        return load(List.of(PromptSource.defaults()));
    }

    /**
     * The user folders {@code userDirs} (highest precedence first) over the shipped defaults: the standard lookup when
     * given the settings' {@code promptDirs()} ({@code --prompts}, {@code TUTORGRAPH_PROMPTS}, the config file, the
     * XDG folder).
     */
    public static PromptLibrary layered(List<Path> userDirs) {
        return load(PromptDirectories.sources(userDirs));
    }

    /** The overrides in {@code dir} on top of the shipped defaults (a tournament variant, a lint target). */
    public static PromptLibrary withOverrides(Path dir) {
        return load(List.of(PromptSource.user(dir), PromptSource.defaults()));
    }

    public List<PromptSource> sources() {
        return sources;
    }

    /** The errors of the last load or reload: files that could not be used (each with what was used instead). */
    public List<PromptProblem> problems() {
        return snapshot.problems();
    }

    /**
     * Re-reads every template. A file that is now broken is reported and its previous version kept (or, when it
     * had none, the next source's version is used). Returns the errors; empty when everything loaded.
     */
    public synchronized List<PromptProblem> reload() {
        snapshot = read(snapshot);
        return snapshot.problems();
    }

    /** The base-language template {@code name}. */
    public Template template(String name) {
        return template(name, "");
    }

    /** The template {@code name} for a course in language {@code languageTag} (falls back to the base template). */
    public Template template(String name, String languageTag) {
        return find(name, languageTag).orElseThrow(() -> new PromptException("no usable prompt template '" + name + "'"
                + (snapshot.problems().isEmpty() ? "" : ": " + snapshot.problems().get(0))));
    }

    public Optional<Template> find(String name, String languageTag) {
        Map<Key, Template> effective = snapshot.effective();
        for (String lang : Languages.fallbackChain(languageTag)) {
            Template t = effective.get(new Key(lang, name));
            if (t != null) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The template the defaults ship for exactly this key (no fallback), if any. */
    public Optional<Template> shipped(Key key) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).isDefault()) return Optional.ofNullable(snapshot.perSource().get(i).get(key));
        }
        return Optional.empty();
    }

    /** Every effective template, one per (language, name), sorted by language then name. */
    public List<Template> templates() {
        return List.copyOf(snapshot.effective().values());
    }

    /** The effective keys. */
    public List<Key> keys() {
        return List.copyOf(snapshot.effective().keySet());
    }

    /**
     * The exact text a model receives for template {@code name}. The template's language follows
     * {@code vars.get("languageTag")} when present.
     *
     * @throws PromptException when the template has no usable version or a variable it uses is missing from {@code vars}
     */
    public String render(String name, Map<String, ?> vars) {
        Object tag = vars.get("languageTag");
        return render(template(name, tag == null ? "" : tag.toString()), vars);
    }

    /** Fills {@code template}'s variables (langchain4j {@code PromptTemplate}, one pass: values are never re-expanded). */
    public static String render(Template template, Map<String, ?> vars) {
        List<String> missing = new ArrayList<>();
        for (String v : template.usedVariables()) {
            if (!vars.containsKey(v) && !PromptRegistry.BUILT_IN.contains(v)) missing.add(v);
        }
        if (!missing.isEmpty()) {
            throw new PromptException("template " + template.qualifiedName() + " (" + template.location() + ") needs "
                    + (missing.size() == 1 ? "variable " : "variables ") + String.join(", ", missing));
        }
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, ?> e : vars.entrySet()) values.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
        return PromptTemplate.from(template.body()).apply(values).text();
    }

    private Snapshot read(Snapshot previous) {
        List<PromptProblem> problems = new ArrayList<>();
        List<Map<Key, Template>> perSource = new ArrayList<>();
        Map<String, Template> byLocation = new HashMap<>();
        List<PromptProblem> brokenFiles = new ArrayList<>();
        List<Key> brokenKeys = new ArrayList<>();
        List<Boolean> kept = new ArrayList<>();
        for (PromptSource source : sources) {
            Map<Key, Template> found = new LinkedHashMap<>();
            perSource.add(found);
            if (!Files.isDirectory(source.dir())) {
                problems.add(PromptProblem.error(source.dir().toString(), 0, "no prompt directory here: create it or fix the path"));
                continue;
            }
            for (FileRef ref : files(source, problems)) {
                TemplateParser.Result r = parseFile(ref);
                Key key = new Key(ref.language, stripMd(ref.fileName));
                if (r.usable()) {
                    found.put(key, r.template().get());
                    byLocation.put(ref.location, r.template().get());
                    continue;
                }
                Template old = previous == null ? null : previous.byLocation().get(ref.location);
                if (old != null) {
                    found.put(key, old);
                    byLocation.put(ref.location, old);
                }
                for (PromptProblem p : r.problems()) {
                    if (!p.isError()) continue;
                    brokenFiles.add(p);
                    brokenKeys.add(key);
                    kept.add(old != null);
                }
            }
        }
        Map<Key, Template> effective = new TreeMap<>();
        for (Map<Key, Template> found : perSource) {
            for (Map.Entry<Key, Template> e : found.entrySet()) effective.putIfAbsent(e.getKey(), e.getValue());
        }
        for (int i = 0; i < brokenFiles.size(); i++) {
            PromptProblem p = brokenFiles.get(i);
            Template used = effective.get(brokenKeys.get(i));
            String what = kept.get(i) ? "kept the previous version"
                    : used != null ? "using " + (used.isDefault() ? "the shipped default" : used.location()) + " instead"
                    : "no usable version";
            problems.add(new PromptProblem(p.file(), p.line(), p.severity(), p.message() + " (" + what + ")"));
        }
        return new Snapshot(java.util.Collections.unmodifiableMap(effective), List.copyOf(perSource), Map.copyOf(byLocation), List.copyOf(problems));
    }

    /** A template file inside a source. */
    record FileRef(PromptSource source, Path path, String fileName, String language, String location) {
    }

    /** The {@code *.md} files of a source: at its top and in its language folders, sorted. */
    static List<FileRef> files(PromptSource source, List<PromptProblem> problems) {
        List<FileRef> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(source.dir())) {
            for (Path p : top.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = p.getFileName().toString().replace("/", "");
                if (Files.isRegularFile(p) && name.endsWith(".md")) {
                    out.add(new FileRef(source, p, name, "", source.locate(name)));
                } else if (Files.isDirectory(p)) {
                    Optional<String> lang = Languages.normalise(name);
                    if (lang.isEmpty() || !lang.get().equals(name)) continue;
                    try (Stream<Path> inner = Files.list(p)) {
                        for (Path q : inner.sorted(Comparator.comparing(Path::toString)).toList()) {
                            String qn = q.getFileName().toString().replace("/", "");
                            if (Files.isRegularFile(q) && qn.endsWith(".md")) {
                                out.add(new FileRef(source, q, qn, name, source.locate(name + "/" + qn)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            problems.add(PromptProblem.error(source.dir().toString(), 0, "cannot read the prompt directory: " + e.getMessage()));
        }
        return out;
    }

    static TemplateParser.Result parseFile(FileRef ref) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(ref.path()))).toString();
        } catch (CharacterCodingException e) {
            return new TemplateParser.Result(Optional.empty(), List.of(PromptProblem.error(ref.location(), 0, "not UTF-8 text: save the file as UTF-8")));
        } catch (IOException e) {
            return new TemplateParser.Result(Optional.empty(), List.of(PromptProblem.error(ref.location(), 0, "cannot read: " + e.getMessage())));
        }
        return TemplateParser.parse(text, ref.fileName(), ref.language(), ref.location(), ref.path(), ref.source().label());
    }

    static String stripMd(String fileName) {
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
