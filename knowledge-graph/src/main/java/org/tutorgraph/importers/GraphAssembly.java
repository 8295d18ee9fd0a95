package org.tutorgraph.importers;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.Cycles;
import org.tutorgraph.pack.CoursePackLoader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What every importer does once it has read its source: gives concepts valid ids ({@link Slugs}), drops duplicate
 * and self-loop edges, and deals with prerequisite cycles. The source's own keys are used until {@link #build}, so
 * importers never handle ids.
 *
 * <p><b>Cycles.</b> By default a cyclic source is refused and every cycle is reported: each strongly connected
 * component that holds a cycle, with all its edges and where the source states them (together they contain every
 * cycle), then its simple cycles, listed up to {@value #CYCLES_LISTED} per component (their number can grow
 * exponentially with the component). With {@link ImportOptions#breakCycles()}, {@link CycleBreaker} drops edges
 * instead and each dropped edge is reported.
 */
final class GraphAssembly {

    /** Simple cycles listed per cyclic component; the component's edges are always listed in full. */
    static final int CYCLES_LISTED = 50;
    /** Strength of the supports edges that replace a dropped mutual pair. */
    static final double MUTUAL_SUPPORT_STRENGTH = CoursePackLoader.DEFAULT_SUPPORT_STRENGTH;

    private record SourceConcept(String key, String name, String description, double difficulty, double minutes, String area) {
    }

    private record SourceEdge(boolean requires, String from, String to, double strength, String where) {
    }

    private final Map<String, SourceConcept> concepts = new LinkedHashMap<>();
    private final List<SourceEdge> edges = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final boolean idsFromNames;

    /**
     * @param idsFromNames make every id from the concept's name (slugified), for sources whose keys are numbers;
     *                     otherwise ids are the keys themselves, slugified only when they are not valid ids
     */
    GraphAssembly(boolean idsFromNames) {
        this.idsFromNames = idsFromNames;
    }

    /** Adds a concept under the source's {@code key}; false (and nothing added) when the key is already there. */
    boolean concept(String key, String name, String description, double difficulty, double minutes, String area) {
        if (concepts.containsKey(key)) return false;
        concepts.put(key, new SourceConcept(key, name == null || name.isBlank() ? key : name, description, difficulty, minutes, area));
        return true;
    }

    boolean has(String key) {
        return concepts.containsKey(key);
    }

    /** {@code prerequisite} must be learned before {@code concept}; both must have been added. */
    void requires(String prerequisite, String concept, String where) {
        edges.add(new SourceEdge(true, known(prerequisite), known(concept), 0, where));
    }

    /** Knowing {@code supporter} helps with {@code concept}; both must have been added. */
    void supports(String supporter, String concept, double strength, String where) {
        edges.add(new SourceEdge(false, known(supporter), known(concept), strength, where));
    }

    /** A line for the import report. */
    void note(String line) {
        report.add(line);
    }

    int conceptCount() {
        return concepts.size();
    }

    /** The source keys added so far, in order. */
    List<String> keys() {
        return List.copyOf(concepts.keySet());
    }

    private String known(String key) {
        if (!concepts.containsKey(key)) throw new IllegalArgumentException("edge names a concept that was not added: " + key);
        return key;
    }

    /**
     * The imported graph. O(V + E) plus the cycle work: Kosaraju for the components, Johnson's enumeration bounded
     * per component, and the breaker's cost (see {@link CycleBreaker}) when cycles are broken.
     *
     * @throws ImportException listing every cycle, when the source has any and cycles are not to be broken
     */
    ImportResult build(CourseMeta meta, ImportOptions options) throws ImportException {
        Map<String, String> ids;
        if (idsFromNames) {
            Map<String, String> names = new LinkedHashMap<>();
            concepts.values().forEach(c -> names.put(c.key(), c.name()));
            ids = Slugs.assign(names, false);
        } else {
            ids = Slugs.assign(concepts.keySet());
        }
        long renamed = ids.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count();
        if (renamed > 0 && !idsFromNames) {
            report.add(renamed + " source key" + plural(renamed) + " made into valid ids (the concept name keeps the original)");
        }

        // Edges in source order, without duplicates and self-loops.
        List<CycleBreaker.Edge> requires = new ArrayList<>();
        Map<String, SourceEdge> supports = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        int duplicates = 0;
        for (SourceEdge e : edges) {
            String from = ids.get(e.from());
            String to = ids.get(e.to());
            if (from.equals(to)) {
                report.add(e.where() + ": skipped " + from + (e.requires() ? " -requires-> " : " -supports-> ") + to
                        + " (a concept cannot need itself)");
                continue;
            }
            if (!seen.add((e.requires() ? "r:" : "s:") + from + "\u0000" + to)) {
                duplicates++;
                continue;
            }
            if (e.requires()) requires.add(new CycleBreaker.Edge(from, to, e.where()));
            else supports.put(from + "\u0000" + to, new SourceEdge(false, from, to, e.strength(), e.where()));
        }
        if (duplicates > 0) report.add(duplicates + " duplicate edge" + plural(duplicates) + " ignored");

        List<String> order = new ArrayList<>(ids.values());
        Function<String, List<String>> successors = CycleBreaker.successors(requires);
        List<Set<String>> components = Cycles.cyclicComponents(order, successors);
        List<DroppedEdge> dropped = List.of();
        int cycleCount = 0;
        if (!components.isEmpty()) {
            List<String> lines = new ArrayList<>();
            boolean incomplete = false;
            for (int i = 0; i < components.size(); i++) {
                Set<String> c = components.get(i);
                Cycles.SimpleCycles sc = Cycles.simpleCycles(c, successors, CYCLES_LISTED);
                cycleCount += sc.cycles().size();
                List<CycleBreaker.Edge> inside = requires.stream().filter(e -> c.contains(e.from()) && c.contains(e.to())).toList();
                lines.add("cycle component " + (i + 1) + " of " + components.size() + ": " + c.size() + " concepts ("
                        + String.join(", ", c) + "), " + inside.size() + " prerequisite edges:");
                for (CycleBreaker.Edge e : inside) lines.add("  " + e.where() + ": " + e.from() + " -requires-> " + e.to());
                for (List<String> cycle : sc.cycles()) lines.add("  cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
                incomplete |= !sc.complete();
                if (!sc.complete()) {
                    lines.add("  … and more cycles: only the first " + CYCLES_LISTED + " are listed; the edges above contain them all");
                }
            }
            String summary = components.size() + " cyclic component" + plural(components.size()) + ", "
                    + cycleCount + (incomplete ? "+" : "") + " simple cycle" + plural(cycleCount);
            if (!options.breakCycles()) {
                lines.add("the source's prerequisite edges contain cycles (" + summary + "); refusing to import."
                        + " Fix the source, or re-run with --break-cycles to drop edges (each dropped edge is reported)");
                throw new ImportException(lines);
            }
            report.add("the source's prerequisite edges contain cycles (" + summary + "):");
            report.addAll(lines);
            CycleBreaker.Result broken = CycleBreaker.breakCycles(order, requires);
            requires = new ArrayList<>(broken.kept());
            dropped = broken.dropped();
            for (CycleBreaker.Edge m : broken.mutual()) {
                supports.putIfAbsent(m.from() + "\u0000" + m.to(),
                        new SourceEdge(false, m.from(), m.to(), MUTUAL_SUPPORT_STRENGTH, m.where() + " (was a mutual requires)"));
            }
            report.add(dropped.size() + " prerequisite edge" + plural(dropped.size()) + " dropped to break the cycles:");
            for (DroppedEdge d : dropped) report.add("  " + d);
            if (!broken.mutual().isEmpty()) {
                report.add(broken.mutual().size() + " edges of mutual pairs kept as supports edges (strength "
                        + MUTUAL_SUPPORT_STRENGTH + ")");
            }
        }

        CourseGraph.Builder graph = CourseGraph.builder();
        for (SourceConcept c : concepts.values()) {
            graph.concept(new Concept(ids.get(c.key()), c.name(), c.description(), c.difficulty(), c.minutes(), c.area()));
        }
        for (CycleBreaker.Edge e : requires) graph.requires(e.from(), e.to());
        for (SourceEdge s : supports.values()) graph.supports(s.from(), s.to(), s.strength());
        return new ImportResult(meta, graph.build(), List.of(), report, dropped, components.size(), cycleCount);
    }

    /**
     * The imported course's metadata: {@code --id} and {@code --title} when given, else the importer's defaults.
     *
     * @throws ImportException when the given id is not a valid course id
     */
    static CourseMeta meta(ImportOptions options, String defaultId, String defaultTitle, String description) throws ImportException {
        String id = options.courseId() != null ? options.courseId() : defaultId;
        if (!CoursePackLoader.ID.matcher(id).matches()) {
            throw new ImportException(List.of("course id '" + id + "' must start with a letter or digit and use only letters,"
                    + " digits and . _ : + -"));
        }
        String title = options.title() != null && !options.title().isBlank() ? options.title() : defaultTitle;
        return new CourseMeta(id, title, "en", description, "");
    }

    static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
