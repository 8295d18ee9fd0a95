package org.tutorgraph.importers;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.Suggestions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * {@code --from csv}: a prerequisite edge list, plus an optional concept table ({@link ImportOptions#conceptTable()},
 * {@code --concepts FILE} on the command line). Both are UTF-8 CSV with a header row; '#' starts a comment line.
 * <pre>
 *   edges:    prerequisite,concept[,kind[,strength]]      kind: requires (default) or supports; strength in (0, 1]
 *   concepts: id[,name][,description][,difficulty][,minutes][,area]   difficulty 1–5, minutes &gt; 0
 * </pre>
 * Without a table, the edges' endpoints are the concepts (named by their key). With one, the table is the list of
 * concepts: an edge naming a key the table lacks is an error, and concepts without edges are kept. Keys that are
 * not valid ids are slugified ({@link Slugs}); the name keeps the original.
 */
public final class CsvImporter implements CourseImporter {

    static final List<String> EDGE_COLUMNS = List.of("prerequisite", "concept");
    static final List<String> EDGE_OPTIONAL = List.of("kind", "strength");
    static final List<String> TABLE_COLUMNS = List.of("id");
    static final List<String> TABLE_OPTIONAL = List.of("name", "description", "difficulty", "minutes", "area");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public ImportResult importFrom(Path source, ImportOptions options) throws ImportException {
        List<String> problems = new ArrayList<>();
        GraphAssembly graph = new GraphAssembly(false);
        boolean hasTable = options.conceptTable() != null;
        int tableRows = 0;
        if (hasTable) {
            CsvTable table = CsvTable.read(options.conceptTable(), true);
            var columns = table.header(TABLE_COLUMNS, TABLE_OPTIONAL, problems);
            if (columns.isPresent()) tableRows = readConcepts(table, columns.get(), graph, problems);
        }
        CsvTable edges = CsvTable.read(source, true);
        var columns = edges.header(EDGE_COLUMNS, EDGE_OPTIONAL, problems);
        int edgeRows = 0;
        if (columns.isPresent()) edgeRows = readEdges(edges, columns.get(), graph, hasTable, options.conceptTable(), problems);
        if (!problems.isEmpty()) throw new ImportException(problems);

        String base = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        CourseMeta meta = GraphAssembly.meta(options, Slugs.slug(base), base, "Imported from " + source.getFileName()
                + (hasTable ? " and " + options.conceptTable().getFileName() : "") + ".");
        graph.note("read " + edgeRows + " edge row" + GraphAssembly.plural(edgeRows) + " from " + source
                + (hasTable ? " and " + tableRows + " concept row" + GraphAssembly.plural(tableRows) + " from " + options.conceptTable() : ""));
        return graph.build(meta, options);
    }

    private static int readConcepts(CsvTable table, Map<String, Integer> col, GraphAssembly graph, List<String> problems) {
        int n = 0;
        for (CsvTable.Row row : table.body()) {
            n++;
            String id = get(row, col, "id");
            if (id.isEmpty()) {
                problems.add(table.at(row) + ": empty id");
                continue;
            }
            double difficulty = number(table, row, col, "difficulty", Concept.DEFAULT_DIFFICULTY,
                    Concept.MIN_DIFFICULTY, Concept.MAX_DIFFICULTY, problems);
            double minutes = number(table, row, col, "minutes", Concept.DEFAULT_LEARNING_MINUTES, 0.1, 1_000_000, problems);
            String name = get(row, col, "name");
            if (!graph.concept(id, name.isEmpty() ? id : name, get(row, col, "description"), difficulty, minutes, get(row, col, "area"))) {
                problems.add(table.at(row) + ": duplicate concept id '" + id + "'");
            }
        }
        return n;
    }

    private static int readEdges(CsvTable edges, Map<String, Integer> col, GraphAssembly graph, boolean hasTable,
                                 Path tableFile, List<String> problems) {
        int n = 0;
        List<String> tableKeys = new ArrayList<>();
        for (CsvTable.Row row : edges.body()) {
            n++;
            String from = get(row, col, "prerequisite");
            String to = get(row, col, "concept");
            if (from.isEmpty() || to.isEmpty()) {
                problems.add(edges.at(row) + ": both 'prerequisite' and 'concept' are needed");
                continue;
            }
            if (row.fields().size() > col.size()) {
                problems.add(edges.at(row) + ": " + row.fields().size() + " fields but the header names " + col.size()
                        + " (quote values that contain commas)");
                continue;
            }
            String kind = get(row, col, "kind").toLowerCase(Locale.ROOT);
            if (!kind.isEmpty() && !kind.equals("requires") && !kind.equals("supports")) {
                problems.add(edges.at(row) + ": unknown kind '" + kind + "' (use requires or supports)");
                continue;
            }
            boolean supports = kind.equals("supports");
            double strength = CoursePackLoader.DEFAULT_SUPPORT_STRENGTH;
            if (!get(row, col, "strength").isEmpty()) {
                if (!supports) {
                    problems.add(edges.at(row) + ": a strength only applies to kind supports");
                    continue;
                }
                strength = number(edges, row, col, "strength", strength, 0.01, 1.0, problems);
            }
            if (from.equals(to)) {
                problems.add(edges.at(row) + ": '" + from + "' cannot be its own prerequisite");
                continue;
            }
            boolean ok = true;
            for (String key : List.of(from, to)) {
                if (graph.has(key)) continue;
                if (hasTable) {
                    if (tableKeys.isEmpty()) tableKeys.addAll(graph.keys());
                    String hint = Suggestions.closest(key, tableKeys).map(s -> " (did you mean '" + s + "'?)").orElse("");
                    problems.add(edges.at(row) + ": '" + key + "' is not in the concept table " + tableFile + hint);
                    ok = false;
                } else {
                    graph.concept(key, key, "", Concept.DEFAULT_DIFFICULTY, Concept.DEFAULT_LEARNING_MINUTES, "");
                }
            }
            if (!ok) continue;
            if (supports) graph.supports(from, to, strength, edges.at(row));
            else graph.requires(from, to, edges.at(row));
        }
        return n;
    }

    private static String get(CsvTable.Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : row.field(i);
    }

    private static double number(CsvTable t, CsvTable.Row row, Map<String, Integer> col, String name, double fallback,
                                 double min, double max, List<String> problems) {
        String text = get(row, col, name);
        if (text.isEmpty()) return fallback;
        OptionalDouble v = parse(text);
        if (v.isEmpty() || v.getAsDouble() < min || v.getAsDouble() > max) {
            problems.add(t.at(row) + ": " + name + " must be a number from " + fmt(min) + " to " + fmt(max) + ", found '" + text + "'");
            return fallback;
        }
        return v.getAsDouble();
    }

    static OptionalDouble parse(String text) {
        return DECIMAL.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text)) : OptionalDouble.empty();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
