package org.tutorgraph.pack;

import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.Cycles;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.YamlNodes.Fields;
import org.tutorgraph.pack.YamlNodes.Located;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates a course pack folder (format and rules: src/docs/course-packs.md):
 * <pre>
 *   course.yaml     id, title, language, description, version; optional 'concepts' (file) and 'items' (files or folders)
 *   concepts.yaml   concepts: [ {id, name, description, difficulty, minutes, area, requires, anyOf, supportedBy} ]
 *   items/*.yaml    items: [ {id, concepts, prompt, type, answers, choices, tolerance, misconceptions, ladder} ]
 * </pre>
 * Every problem is reported with its file and line; a pack with any problem is never returned, so nothing downstream
 * ever sees half a course.
 */
public final class CoursePackLoader {

    public static final String COURSE_FILE = "course.yaml";
    public static final String DEFAULT_CONCEPTS_FILE = "concepts.yaml";
    public static final String DEFAULT_ITEMS_FOLDER = "items";
    /** Concept, item and misconception ids: a short safe alphabet, so ids can appear in commands, files and URLs. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+\\-]{0,199}");
    public static final double DEFAULT_SUPPORT_STRENGTH = 0.5;
    /** A course-pack file larger than this is refused before it is read, to keep memory bounded. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /**
     * Heap a file takes while it is read, per byte of YAML: SnakeYAML's node tree keeps two marks and three lists per
     * value (measured: 1.4 MB of concepts needs 64–96 MB of heap, 14 MB needs 512–768 MB). A file that would not fit
     * the heap is refused up front with a clear message instead of ending in an OutOfMemoryError.
     */
    static final long YAML_HEAP_FACTOR = 64;

    private static String mb(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes" : (bytes + 512 * 1024) / (1024 * 1024) + " MB";
    }

    static final Set<String> COURSE_FIELDS = orderedSet("id", "title", "language", "description", "version", "concepts", "items");
    static final Set<String> CONCEPT_FIELDS = orderedSet("id", "name", "description", "difficulty", "minutes", "area",
            "requires", "anyOf", "supportedBy");
    static final Set<String> GROUP_FIELDS = orderedSet("id", "of");
    static final Set<String> SUPPORT_FIELDS = orderedSet("concept", "strength");
    static final Set<String> ITEM_FIELDS = orderedSet("id", "concepts", "prompt", "type", "answers", "choices", "tolerance",
            "misconceptions", "ladder");
    static final Set<String> MISCONCEPTION_FIELDS = orderedSet("id", "description", "wrongAnswers", "probe");
    static final Set<String> RUNG_FIELDS = orderedSet("rung", "text", "answer");

    private final Path root;
    private final Problems problems = new Problems();
    private boolean conceptsUnreadable;

    private CoursePackLoader(Path root) {
        this.root = root;
    }

    /**
     * Loads the pack at {@code location}: its folder, or its {@code course.yaml}.
     *
     * @throws InvalidPackException with every problem found, when there is any
     */
    public static CoursePack load(Path location) throws InvalidPackException {
        Path root = location;
        if (Files.isRegularFile(location)) {
            root = location.toAbsolutePath().getParent();
        }
        return new CoursePackLoader(root).read();
    }

    /** The problems of the pack at {@code location}, empty when it is valid. */
    public static List<PackProblem> validate(Path location) {
        try {
            load(location);
            return List.of();
        } catch (InvalidPackException e) {
            return e.problems();
        }
    }

    private CoursePack read() throws InvalidPackException {
        if (!Files.isDirectory(root)) {
            throw new InvalidPackException(List.of(PackProblem.at(root.toString(), 0,
                    "no course pack here: expected a folder holding " + COURSE_FILE)));
        }
        Optional<Fields> course = readFile(COURSE_FILE).flatMap(n -> Fields.of(COURSE_FILE, n, "course", problems));
        CourseMeta meta = null;
        String conceptsFile = DEFAULT_CONCEPTS_FILE;
        List<Located<String>> itemSources = List.of(new Located<>(DEFAULT_ITEMS_FOLDER, 0));
        boolean itemsDeclared = false;
        if (course.isPresent()) {
            Fields f = course.get();
            String id = f.requiredString("id");
            if (id != null && !ID.matcher(id).matches()) badId(COURSE_FILE, f.lineOf("id"), f.label(), id);
            meta = new CourseMeta(id, f.string("title").orElse(null), f.string("language").orElse(null),
                    f.string("description").orElse(null), f.string("version").orElse(null));
            conceptsFile = f.string("concepts").orElse(DEFAULT_CONCEPTS_FILE);
            if (f.has("items")) {
                itemSources = f.strings("items");
                itemsDeclared = true;
            }
            f.finish(COURSE_FIELDS);
        }

        List<ConceptDraft> concepts = new ArrayList<>();
        int problemsBeforeConcepts = problems.size();
        boolean conceptsDeclared = course.map(f -> f.has("concepts")).orElse(false);
        int conceptsLine = course.map(f -> f.lineOf("concepts")).orElse(0);
        Optional<Path> conceptsPath = inside(conceptsFile, COURSE_FILE, conceptsLine);
        if (conceptsPath.isPresent() && conceptsDeclared && !Files.exists(conceptsPath.get())) {
            problems.add(COURSE_FILE, conceptsLine, "concepts file '" + conceptsFile + "' does not exist");
        } else if (conceptsPath.isPresent()) {
            String rel = relative(conceptsPath.get());
            readFile(rel).flatMap(n -> Fields.of(rel, n, "concepts file", problems)).ifPresent(f -> {
                for (Node c : f.list("concepts")) readConcept(rel, c).ifPresent(concepts::add);
                if (!f.has("concepts")) problems.add(rel, f.line(), "missing required key 'concepts'");
                f.finish(Set.of("concepts"));
            });
        }

        List<ItemDraft> items = new ArrayList<>();
        for (Located<String> source : itemSources) {
            Optional<Path> p = inside(source.value(), COURSE_FILE, source.line());
            if (p.isEmpty()) continue;
            if (Files.isDirectory(p.get())) {
                for (Path file : yamlFilesIn(p.get())) readItemsFile(relative(file), items);
            } else if (Files.isRegularFile(p.get())) {
                readItemsFile(relative(p.get()), items);
            } else if (itemsDeclared) {
                problems.add(COURSE_FILE, source.line(), "items source '" + source.value() + "' does not exist");
            }
        }

        // When the concepts could not be read at all, every item would "name an unknown concept": say it once.
        conceptsUnreadable = concepts.isEmpty() && problems.size() > problemsBeforeConcepts;
        CoursePack pack = validateAndBuild(meta, concepts, items);
        if (!problems.isEmpty()) throw new InvalidPackException(problems.list());
        return pack;
    }

    // ---------------------------------------------------------------- files

    private Optional<Node> readFile(String rel) {
        Path p = root.resolve(rel);
        try {
            if (!Files.exists(p)) {
                problems.add(rel, 0, "file not found (expected at " + p + ")");
                return Optional.empty();
            }
            if (!Files.isRegularFile(p)) {
                problems.add(rel, 0, "not a file (a folder or a device); name a YAML file");
                return Optional.empty();
            }
            if (linksOutside(p)) {
                problems.add(rel, 0, "is a link to outside the course pack folder; keep the pack's files inside it");
                return Optional.empty();
            }
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                problems.add(rel, 0, "file is too large (" + size + " bytes; the limit is " + MAX_FILE_BYTES + ")");
                return Optional.empty();
            }
            long heap = Runtime.getRuntime().maxMemory();
            if (size > heap / YAML_HEAP_FACTOR) {
                problems.add(rel, 0, "file is too large for the memory available: reading its " + mb(size) + " of YAML takes"
                        + " about " + mb(size * YAML_HEAP_FACTOR) + " and the Java heap holds " + mb(heap)
                        + "; give Java more memory (e.g. TUTOR_JAVA_OPTS=-Xmx4g for ./tutor) or split the pack");
                return Optional.empty();
            }
            StrictUtf8.Result decoded = StrictUtf8.decode(Files.readAllBytes(p));
            if (decoded instanceof StrictUtf8.BadByte bad) {
                problems.add(rel, bad.line(), bad.message());
                return Optional.empty();
            }
            return YamlNodes.parse(rel, ((StrictUtf8.Text) decoded).text(), problems);
        } catch (NoSuchFileException e) {
            problems.add(rel, 0, "file not found (expected at " + p + ")");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(rel, 0, "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether {@code p}, followed through links, lands outside the pack folder. Only checked on the default file
     * system: the bundled course inside the jar has no links.
     */
    private boolean linksOutside(Path p) throws IOException {
        if (p.getFileSystem() != FileSystems.getDefault()) return false;
        return !p.toRealPath().startsWith(root.toRealPath());
    }

    /** Resolves a path named in course.yaml, refusing anything outside the pack folder (also through links). */
    private Optional<Path> inside(String name, String file, int line) {
        Path base = root.toAbsolutePath().normalize();
        Path p;
        boolean absolute;
        try {
            absolute = base.getFileSystem().getPath(name).isAbsolute();
            p = base.resolve(name).normalize();
        } catch (RuntimeException e) {
            problems.add(file, line, "'" + name + "' is not a valid path");
            return Optional.empty();
        }
        if (absolute || !p.startsWith(base)) {
            problems.add(file, line, "'" + name + "' points outside the course pack folder; name files inside it");
            return Optional.empty();
        }
        try {
            if (Files.exists(p) && linksOutside(p)) {
                problems.add(file, line, "'" + name + "' is a link to outside the course pack folder");
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(file, line, "cannot resolve '" + name + "': " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private String relative(Path p) {
        return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private List<Path> yamlFilesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(relative(dir), 0, "cannot list folder: " + e.getMessage());
            return List.of();
        }
    }

    private void readItemsFile(String rel, List<ItemDraft> items) {
        readFile(rel).flatMap(n -> Fields.of(rel, n, "items file", problems)).ifPresent(f -> {
            for (Node i : f.list("items")) readItem(rel, i).ifPresent(items::add);
            if (!f.has("items")) problems.add(rel, f.line(), "missing required key 'items'");
            f.finish(Set.of("items"));
        });
    }

    // ---------------------------------------------------------------- concepts

    private Optional<ConceptDraft> readConcept(String file, Node node) {
        Optional<Fields> of = Fields.of(file, node, "concept", problems);
        if (of.isEmpty()) return Optional.empty();
        Fields f = of.get();
        String id = f.requiredString("id");
        String label = f.label();
        if (id != null && !ID.matcher(id).matches()) badId(file, f.lineOf("id"), label, id);
        String name = f.string("name").orElse(id);
        String description = f.string("description").orElse("");
        double difficulty = f.number("difficulty", Concept.DEFAULT_DIFFICULTY, Concept.MIN_DIFFICULTY, Concept.MAX_DIFFICULTY);
        double minutes = f.number("minutes", Concept.DEFAULT_LEARNING_MINUTES, 0.1, 1_000_000);
        String area = f.string("area").orElse("");
        List<Located<String>> requires = f.strings("requires");
        List<GroupDraft> groups = new ArrayList<>();
        int g = 0;
        for (Node gn : f.list("anyOf")) {
            g++;
            String defaultId = (id == null ? "?" : id) + "#" + g;
            if (gn instanceof SequenceNode) {
                groups.add(new GroupDraft(defaultId, YamlNodes.line(gn), f.stringsOf(gn, label + " anyOf group")));
            } else {
                Fields.of(file, gn, label + " anyOf group", problems).ifPresent(gf -> {
                    String gid = gf.string("id").orElse(defaultId);
                    if (!ID.matcher(gid.replace("#", "-")).matches()) badId(file, gf.lineOf("id"), gf.label(), gid);
                    List<Located<String>> of2 = gf.strings("of");
                    if (!gf.has("of")) problems.add(file, gf.line(), gf.label() + ": missing required key 'of'");
                    groups.add(new GroupDraft(gid, gf.line(), of2));
                    gf.finish(GROUP_FIELDS);
                });
            }
        }
        List<SupportDraft> supports = new ArrayList<>();
        for (Node sn : f.list("supportedBy")) {
            if (sn instanceof ScalarNode s) {
                supports.add(new SupportDraft(s.getValue(), DEFAULT_SUPPORT_STRENGTH, YamlNodes.line(s)));
            } else {
                Fields.of(file, sn, label + " supportedBy entry", problems).ifPresent(sf -> {
                    String from = sf.requiredString("concept");
                    double strength = sf.number("strength", DEFAULT_SUPPORT_STRENGTH, 0.01, 1.0);
                    if (from != null) supports.add(new SupportDraft(from, strength, sf.line()));
                    sf.finish(SUPPORT_FIELDS);
                });
            }
        }
        f.finish(CONCEPT_FIELDS);
        if (id == null) return Optional.empty();
        return Optional.of(new ConceptDraft(new Concept(id, name, description, difficulty, minutes, area), file, f.line(),
                requires, groups, supports));
    }

    // ---------------------------------------------------------------- items

    private Optional<ItemDraft> readItem(String file, Node node) {
        Optional<Fields> of = Fields.of(file, node, "item", problems);
        if (of.isEmpty()) return Optional.empty();
        Fields f = of.get();
        String id = f.requiredString("id");
        String label = f.label();
        if (id != null && !ID.matcher(id).matches()) badId(file, f.lineOf("id"), label, id);
        String prompt = f.requiredString("prompt");
        AnswerType type = AnswerType.TEXT;
        boolean typeKnown = false;
        Optional<String> typeName = f.string("type");
        if (typeName.isEmpty()) {
            problems.add(file, f.line(), label + ": missing required key 'type' (number, expression, choice or text)");
        } else {
            Optional<AnswerType> t = AnswerType.fromKey(typeName.get());
            if (t.isPresent()) {
                type = t.get();
                typeKnown = true;
            } else {
                problems.add(file, f.lineOf("type"), label + ": unknown answer type '" + YamlNodes.abbreviate(typeName.get())
                        + "' (use number, expression, choice or text)");
            }
        }
        List<Located<String>> answers = f.strings("answers");
        List<Located<String>> choices = f.strings("choices");
        double tolerance = f.number("tolerance", 0.0, 0.0, Double.MAX_VALUE);
        List<Located<String>> concepts = f.strings("concepts");
        List<Misconception> misconceptions = new ArrayList<>();
        Map<String, Integer> misconceptionLines = new LinkedHashMap<>();
        List<WrongAnswer> wrongAnswers = new ArrayList<>();
        for (Node mn : f.list("misconceptions")) {
            Fields.of(file, mn, label + " misconception", problems).ifPresent(mf -> {
                String mid = mf.requiredString("id");
                if (mid != null && !ID.matcher(mid).matches()) badId(file, mf.lineOf("id"), mf.label(), mid);
                List<Located<String>> wrong = mf.strings("wrongAnswers");
                for (Located<String> w : wrong) wrongAnswers.add(new WrongAnswer(mf.label(), w));
                String description = mf.string("description").orElse("");
                String probe = mf.string("probe").orElse("");
                if (mid != null) {
                    Integer first = misconceptionLines.putIfAbsent(mid, mf.lineOf("id"));
                    if (first != null) problems.add(file, mf.lineOf("id"), label + ": duplicate misconception id '" + mid
                            + "' (first at line " + first + ")");
                    misconceptions.add(new Misconception(mid, description, wrong.stream().map(Located::value).toList(), probe));
                }
                mf.finish(MISCONCEPTION_FIELDS);
            });
        }
        List<HintRung> ladder = new ArrayList<>();
        List<Integer> rungLines = new ArrayList<>();
        List<Node> rungNodes = f.list("ladder");
        for (Node rn : rungNodes) {
            Fields.of(file, rn, label + " ladder rung", problems).ifPresent(rf -> {
                Optional<String> rungName = rf.string("rung");
                String text = rf.requiredString("text");
                String answer = rf.string("answer").orElse(null);
                Rung rung = null;
                if (rungName.isEmpty()) {
                    problems.add(file, rf.line(), rf.label() + ": missing required key 'rung' (orient, probe, scaffold or bottom-out)");
                } else {
                    rung = Rung.fromKey(rungName.get()).orElse(null);
                    if (rung == null) problems.add(file, rf.lineOf("rung"), label + ": unknown rung '" + YamlNodes.abbreviate(rungName.get())
                            + "' (use orient, probe, scaffold or bottom-out)");
                }
                if (rung != null && text != null) {
                    ladder.add(new HintRung(rung, text, answer));
                    rungLines.add(rf.line());
                }
                rf.finish(RUNG_FIELDS);
            });
        }
        f.finish(ITEM_FIELDS);
        if (id == null || prompt == null) return Optional.empty();
        return Optional.of(new ItemDraft(id, prompt, type, typeKnown, answers, choices, tolerance, concepts,
                misconceptions, wrongAnswers, ladder, rungLines, !rungNodes.isEmpty(), file, f.line()));
    }

    // ---------------------------------------------------------------- validation

    private CoursePack validateAndBuild(CourseMeta meta, List<ConceptDraft> concepts, List<ItemDraft> items) {
        Map<String, ConceptDraft> byId = new LinkedHashMap<>();
        for (ConceptDraft c : concepts) {
            ConceptDraft first = byId.putIfAbsent(c.concept().id(), c);
            if (first != null) {
                problems.add(c.file(), c.line(), "duplicate concept id '" + c.concept().id() + "' (first at "
                        + first.file() + ":" + first.line() + ")");
            }
        }
        CourseGraph.Builder graph = CourseGraph.builder();
        byId.values().forEach(c -> graph.concept(c.concept()));
        Map<String, String> groupIds = new HashMap<>();
        Map<String, List<EdgeAt>> prerequisiteEdges = new LinkedHashMap<>();
        for (ConceptDraft c : byId.values()) {
            String id = c.concept().id();
            String label = "concept '" + id + "'";
            Set<String> seen = new LinkedHashSet<>();
            for (Located<String> r : c.requires()) {
                if (known(byId, c.file(), r, label + ": requires") && notSelf(c, r, "requires")) {
                    if (!seen.add(r.value())) {
                        problems.add(c.file(), r.line(), label + ": requires '" + r.value() + "' twice");
                    } else {
                        graph.requires(r.value(), id);
                        prerequisiteEdges.computeIfAbsent(r.value(), k -> new ArrayList<>()).add(new EdgeAt(id, "requires", c.file(), r.line()));
                    }
                }
            }
            for (GroupDraft g : c.groups()) {
                String where = c.file() + ":" + g.line();
                String first = groupIds.putIfAbsent(g.id(), where);
                if (first != null) {
                    problems.add(c.file(), g.line(), label + ": duplicate anyOf group id '" + g.id() + "' (first at " + first + ")");
                }
                if (g.alternatives().size() < 2) {
                    problems.add(c.file(), g.line(), label + ": anyOf group '" + g.id() + "' needs at least two alternatives"
                            + " (for a single one, use requires)");
                }
                List<String> alts = new ArrayList<>();
                boolean ok = true;
                for (Located<String> a : g.alternatives()) {
                    ok &= known(byId, c.file(), a, label + ": anyOf group '" + g.id() + "' names") && notSelf(c, a, "anyOf");
                    if (alts.contains(a.value())) {
                        problems.add(c.file(), a.line(), label + ": anyOf group '" + g.id() + "' lists '" + a.value() + "' twice");
                        ok = false;
                    }
                    alts.add(a.value());
                }
                if (ok && alts.size() >= 2) {
                    graph.anyOf(new AnyOfGroup(g.id(), id, alts));
                    for (Located<String> a : g.alternatives()) {
                        prerequisiteEdges.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(new EdgeAt(id, "anyOf", c.file(), a.line()));
                    }
                }
            }
            Set<String> supporters = new LinkedHashSet<>();
            for (SupportDraft s : c.supports()) {
                Located<String> ref = new Located<>(s.from(), s.line());
                if (known(byId, c.file(), ref, label + ": supportedBy names") && notSelf(c, ref, "supportedBy")) {
                    if (!supporters.add(s.from())) {
                        problems.add(c.file(), s.line(), label + ": supportedBy names '" + s.from() + "' twice");
                    } else {
                        graph.supports(s.from(), id, s.strength());
                    }
                }
            }
        }
        reportCycles(byId, prerequisiteEdges);

        List<Item> built = new ArrayList<>();
        Map<String, ItemDraft> itemIds = new HashMap<>();
        for (ItemDraft d : items) {
            ItemDraft first = itemIds.putIfAbsent(d.id(), d);
            if (first != null) {
                problems.add(d.file(), d.line(), "duplicate item id '" + d.id() + "' (first at " + first.file() + ":" + first.line() + ")");
            }
            validateItem(d, byId).ifPresent(built::add);
        }
        if (meta == null || !problems.isEmpty()) return null;
        try {
            return new CoursePack(meta, graph.build(), built, root);
        } catch (IllegalArgumentException e) {
            // Every such case is reported above; this guards against a gap in validation, never a half-built pack.
            problems.add(COURSE_FILE, 0, "inconsistent course: " + e.getMessage());
            return null;
        }
    }

    private Optional<Item> validateItem(ItemDraft d, Map<String, ConceptDraft> concepts) {
        String label = "item '" + d.id() + "'";
        int before = problems.size();
        if (d.concepts().isEmpty()) problems.add(d.file(), d.line(), label + ": assesses no concept; add 'concepts: [id, …]'");
        if (!conceptsUnreadable) {
            for (Located<String> c : d.concepts()) known(concepts, d.file(), c, label + ": concepts names");
        }
        if (d.answers().isEmpty()) problems.add(d.file(), d.line(), label + ": has no answers; add 'answers: [...]'");
        List<String> choices = d.choices().stream().map(Located::value).toList();
        if (d.type() == AnswerType.CHOICE && choices.size() < 2) {
            problems.add(d.file(), d.line(), label + ": is multiple choice but lists fewer than two choices");
        }
        if (d.type() != AnswerType.CHOICE && !choices.isEmpty()) {
            problems.add(d.file(), d.choices().get(0).line(), label + ": has choices but its type is " + d.type().key()
                    + " (use type: choice)");
        }
        if (d.typeKnown()) {
            for (Located<String> a : d.answers()) {
                AnswerSyntax.problem(d.type(), a.value(), choices)
                        .ifPresent(p -> problems.add(d.file(), a.line(), label + ": " + d.type().key() + " answer " + p));
            }
            for (WrongAnswer w : d.wrongAnswers()) {
                AnswerSyntax.problem(d.type(), w.answer().value(), choices)
                        .ifPresent(p -> problems.add(d.file(), w.answer().line(), w.misconception() + ": wrong answer " + p));
            }
        }
        if (!d.ladderWritten()) {
            problems.add(d.file(), d.line(), label + ": has an empty hint ladder; add 'ladder:' with rungs orient, probe,"
                    + " scaffold, bottom-out");
        }
        Rung previous = null;
        for (int i = 0; i < d.ladder().size(); i++) {
            Rung r = d.ladder().get(i).rung();
            if (previous != null && r.level() < previous.level()) {
                problems.add(d.file(), d.rungLines().get(i), label + ": rung '" + r.key() + "' comes after '" + previous.key()
                        + "'; order rungs orient, probe, scaffold, bottom-out");
            }
            previous = r;
        }
        if (problems.size() != before) return Optional.empty();
        Item item = new Item(d.id(), d.prompt(), d.type(), d.answers().stream().map(Located::value).toList(), choices,
                d.tolerance(), d.concepts().stream().map(Located::value).toList(), d.misconceptions(), d.ladder());
        // Every answer must be one a learner can give: typed as written, the checker accepts it. A key that reads as
        // no answer ('pass', '?'), as nothing ('='), or as several answers would make the item impossible to solve.
        for (Located<String> a : d.typeKnown() ? d.answers() : List.<Located<String>>of()) {
            CheckResult r = CHECKER.check(item, a.value());
            if (!(r instanceof CheckResult.Correct)) {
                problems.add(d.file(), a.line(), label + ": answer '" + YamlNodes.abbreviate(a.value())
                        + "' would not be accepted if a learner typed it (" + why(r) + "); write the answer as a learner would");
            }
        }
        if (problems.size() != before) return Optional.empty();
        return Optional.of(item);
    }

    private static final AnswerChecker CHECKER = new AnswerChecker();

    private static String why(CheckResult r) {
        if (r instanceof CheckResult.Unreadable u) return u.reason();
        if (r instanceof CheckResult.Ambiguous a) return a.reason();
        if (r instanceof CheckResult.Incorrect i) {
            return i.misconception().map(m -> "it matches misconception '" + m.id() + "'").orElse("it is judged wrong");
        }
        return "accepted";
    }

    /**
     * Reports every strongly connected component of the prerequisite edges (requires and anyOf alternatives) that
     * holds a cycle: one shortest cycle through it, with each edge's kind, located at the edge that closes it, and
     * the component's other members when it is larger than that cycle (breaking one cycle may leave another).
     * O(V + E) plus a BFS per cyclic component.
     */
    private void reportCycles(Map<String, ConceptDraft> concepts, Map<String, List<EdgeAt>> edges) {
        Function<String, List<String>> successors = id -> edges.getOrDefault(id, List.of()).stream().map(EdgeAt::target).toList();
        for (Set<String> component : Cycles.cyclicComponents(concepts.keySet(), successors)) {
            List<String> cycle = Cycles.shortestCycleThrough(component, successors);
            StringBuilder sb = new StringBuilder("cycle among prerequisite edges: ");
            for (int i = 0; i < cycle.size(); i++) {
                String from = cycle.get(i);
                String to = cycle.get((i + 1) % cycle.size());
                sb.append(from).append(" -").append(edgeFrom(edges, from, to).kind()).append("-> ");
            }
            sb.append(cycle.get(0));
            if (component.size() > cycle.size()) {
                List<String> others = component.stream().filter(c -> !cycle.contains(c)).toList();
                sb.append(" (more cycles run through ").append(String.join(", ", others)).append(")");
            }
            sb.append("; remove or reverse one of these edges");
            // Located at the edge that closes the cycle, in the file where it is declared.
            EdgeAt closing = edgeFrom(edges, cycle.get(cycle.size() - 1), cycle.get(0));
            problems.add(closing.file(), closing.line(), sb.toString());
        }
    }

    private static EdgeAt edgeFrom(Map<String, List<EdgeAt>> edges, String from, String to) {
        return edges.get(from).stream().filter(e -> e.target().equals(to)).findFirst().orElseThrow();
    }

    private boolean known(Map<String, ConceptDraft> concepts, String file, Located<String> ref, String where) {
        if (concepts.containsKey(ref.value())) return true;
        String hint = Suggestions.closest(ref.value(), concepts.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        problems.add(file, ref.line(), where + " unknown concept '" + YamlNodes.abbreviate(ref.value()) + "'" + hint);
        return false;
    }

    private boolean notSelf(ConceptDraft c, Located<String> ref, String what) {
        if (!ref.value().equals(c.concept().id())) return true;
        problems.add(c.file(), ref.line(), "concept '" + ref.value() + "': " + what + " names the concept itself");
        return false;
    }

    private void badId(String file, int line, String label, String id) {
        problems.add(file, line, label + ": id '" + YamlNodes.abbreviate(id) + "' must start with a letter or digit and use only"
                + " letters, digits and . _ : + - (at most 200 characters)");
    }

    private static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    private record ConceptDraft(Concept concept, String file, int line, List<Located<String>> requires,
                                List<GroupDraft> groups, List<SupportDraft> supports) {
    }

    private record GroupDraft(String id, int line, List<Located<String>> alternatives) {
    }

    private record SupportDraft(String from, double strength, int line) {
    }

    private record EdgeAt(String target, String kind, String file, int line) {
    }

    private record ItemDraft(String id, String prompt, AnswerType type, boolean typeKnown, List<Located<String>> answers,
                             List<Located<String>> choices, double tolerance, List<Located<String>> concepts,
                             List<Misconception> misconceptions, List<WrongAnswer> wrongAnswers, List<HintRung> ladder,
                             List<Integer> rungLines, boolean ladderWritten, String file, int line) {
    }

    private record WrongAnswer(String misconception, Located<String> answer) {
    }
}
