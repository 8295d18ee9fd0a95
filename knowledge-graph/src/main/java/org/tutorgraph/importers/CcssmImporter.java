package org.tutorgraph.importers;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.pack.CoursePackLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --from ccssm}: the Common Core State Standards for Mathematics graph (flywheelmath/ccssm CSVs), given as
 * the folder holding {@value #EDGES}, {@value #K8} and {@value #HS}, or as the edge file (the standards tables are
 * then looked for beside it).
 * <ul>
 *   <li>Every standard code in the edge file is a concept; its id is the code ({@code 6.EE.A.2.a}).</li>
 *   <li>{@code dependency} → requires; {@code conceptual connection} → supports (strength
 *       {@value CoursePackLoader#DEFAULT_SUPPORT_STRENGTH}).</li>
 *   <li>Name and description from the standards tables. The edge file writes high-school codes as
 *       {@code HSA.SSE.A.1} while the HS table splits category ({@code A}) and domain ({@code SSE}) into columns, so
 *       table keys are built in the edge file's scheme ({@code HS<category>.<domain>.<cluster>.<standard>[.<sub>]}),
 *       and codes are compared after normalising separators and case. A code without a row falls back to its parent
 *       standard's text ({@code ….4.a} → {@code ….4}); the report counts each case.</li>
 *   <li>Difficulty from the grade: K = 1, rising linearly to HS = 5 ({@code 1 + 4·grade/9}, one decimal). Area: the
 *       domain code ({@code OA}, {@code NBT}, {@code SSE}, …). Minutes: the default, the source has none.</li>
 * </ul>
 */
public final class CcssmImporter implements CourseImporter {

    static final String EDGES = "ccssm-dependencies.csv";
    static final String K8 = "ccssm-k8.csv";
    static final String HS = "ccssm-hs.csv";
    static final int NAME_LENGTH = 80;

    @Override
    public String format() {
        return "ccssm";
    }

    private record Standard(String code, String grade, String domain, String text) {
    }

    @Override
    public ImportResult importFrom(Path source, ImportOptions options) throws ImportException {
        Path folder = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        Path edgesFile = Files.isDirectory(source) ? SourceFiles.inFolder(source, EDGES, "Common Core") : source;
        List<String> problems = new ArrayList<>();
        Map<String, Standard> standards = new LinkedHashMap<>();
        List<String> missingTables = new ArrayList<>();
        for (String table : List.of(K8, HS)) {
            Path p = folder.resolve(table);
            if (Files.isRegularFile(p)) readStandards(CsvTable.read(p, false, table), table.equals(HS), standards, problems);
            else missingTables.add(table);
        }

        CsvTable edges = CsvTable.read(edgesFile, false, edgesFile.getFileName().toString());
        Optional<Map<String, Integer>> col = edges.header(List.of("source", "target", "relationship"), List.of(), problems);
        GraphAssembly graph = new GraphAssembly(false);
        Map<String, String> matchedHow = new LinkedHashMap<>();
        if (col.isPresent()) {
            for (CsvTable.Row row : edges.body()) {
                String from = row.field(col.get().get("source"));
                String to = row.field(col.get().get("target"));
                String relationship = row.field(col.get().get("relationship")).toLowerCase(Locale.ROOT);
                if (from.isEmpty() || to.isEmpty()) {
                    problems.add(edges.at(row) + ": both source and target are needed");
                    continue;
                }
                boolean requires = relationship.equals("dependency");
                if (!requires && !relationship.equals("conceptual connection")) {
                    problems.add(edges.at(row) + ": unknown relationship '" + relationship + "' (expected dependency or conceptual connection)");
                    continue;
                }
                for (String code : List.of(from, to)) {
                    if (!graph.has(code)) addStandard(code, standards, graph, matchedHow, edges.at(row), problems);
                }
                if (!graph.has(from) || !graph.has(to)) continue;
                if (requires) graph.requires(from, to, edges.at(row));
                else graph.supports(from, to, CoursePackLoader.DEFAULT_SUPPORT_STRENGTH, edges.at(row));
            }
        }
        if (!problems.isEmpty()) throw new ImportException(problems);

        long exact = matchedHow.values().stream().filter("exact"::equals).count();
        long parent = matchedHow.values().stream().filter("parent"::equals).count();
        long none = matchedHow.values().stream().filter("none"::equals).count();
        graph.note("read " + edges.body().size() + " edges over " + matchedHow.size() + " standards from " + edgesFile);
        graph.note("standard texts: " + exact + " matched exactly, " + parent + " by their parent standard, " + none
                + " not found (named by their code)" + (missingTables.isEmpty() ? "" : "; missing tables: " + String.join(", ", missingTables)));
        Set<String> used = new HashSet<>();
        matchedHow.keySet().forEach(c -> used.add(normalise(c)));
        long unused = standards.keySet().stream().filter(k -> !used.contains(k)).count();
        graph.note(standards.size() + " rows in the standards tables, " + unused + " of them not in the edge file (not imported)");
        CourseMeta meta = GraphAssembly.meta(options, "ccssm", "Common Core State Standards for Mathematics",
                "Imported from the Common Core State Standards for Mathematics graph (flywheelmath/ccssm, MIT and Apache-2.0).");
        return graph.build(meta, options);
    }

    private static void addStandard(String code, Map<String, Standard> standards, GraphAssembly graph,
                                    Map<String, String> matchedHow, String where, List<String> problems) {
        String key = normalise(code);
        Standard s = standards.get(key);
        String how = "exact";
        if (s == null) {
            int cut = key.lastIndexOf('.');
            s = cut > 0 && key.substring(cut + 1).matches("[A-Z]") ? standards.get(key.substring(0, cut)) : null;
            how = s == null ? "none" : "parent";
        }
        Optional<Integer> grade = grade(code);
        if (grade.isEmpty()) {
            problems.add(where + ": '" + code + "' is not a Common Core code (K.CC.A.1, 6.EE.A.2.a, HSA.SSE.A.1, …)");
            return;
        }
        matchedHow.put(code, how);
        String[] parts = key.split("\\.");
        String domain = s != null ? s.domain() : parts.length > 1 ? parts[1] : "";
        String text = s == null ? "" : s.text();
        String gradeLabel = grade.get() == 0 ? "kindergarten" : grade.get() == 9 ? "high school" : "grade " + grade.get();
        String description = (text.isEmpty() ? "" : text + "\n\n") + "Common Core " + code + " (" + gradeLabel + ")"
                + (how.equals("parent") ? "; text of its parent standard " + s.code() : "") + ".";
        double difficulty = Math.round((1 + 4.0 * grade.get() / 9) * 10) / 10.0;
        graph.concept(code, text.isEmpty() ? code : shortName(text), description, difficulty, Concept.DEFAULT_LEARNING_MINUTES, domain);
    }

    private static void readStandards(CsvTable table, boolean highSchool, Map<String, Standard> out, List<String> problems) {
        List<String> required = highSchool
                ? List.of("grade_level_code", "category_code", "domain_code", "cluster_code", "standard_counter", "substandard_counter", "description")
                : List.of("grade_level_code", "domain_code", "cluster_code", "standard_counter", "substandard_counter", "description");
        Optional<Map<String, Integer>> col = table.header(required, List.of(), problems);
        if (col.isEmpty()) return;
        for (CsvTable.Row row : table.body()) {
            Map<String, Integer> c = col.get();
            String grade = row.field(c.get("grade_level_code"));
            String prefix = highSchool ? grade + row.field(c.get("category_code")) : grade;
            StringBuilder code = new StringBuilder(prefix);
            for (String part : List.of("domain_code", "cluster_code", "standard_counter", "substandard_counter")) {
                String v = row.field(c.get(part));
                if (!v.isEmpty()) code.append('.').append(v);
            }
            String domain = row.field(c.get("domain_code"));
            out.putIfAbsent(normalise(code.toString()), new Standard(code.toString(), grade, domain, row.field(c.get("description"))));
        }
    }

    /** Upper case, '.' as the only separator: {@code hsa-sse.a.1} and {@code HSA.SSE.A.1} compare equal. */
    static String normalise(String code) {
        return code.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-/]+", ".").replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
    }

    /** 0 for K, 1–8, 9 for high school; empty when the code starts otherwise. */
    static Optional<Integer> grade(String code) {
        String c = normalise(code);
        if (c.startsWith("HS")) return Optional.of(9);
        String first = c.split("\\.")[0];
        if (first.equals("K")) return Optional.of(0);
        if (first.matches("[1-8]")) return Optional.of(Integer.parseInt(first));
        return Optional.empty();
    }

    /** The first sentence of a standard's text, cut at a word boundary to at most {@value #NAME_LENGTH} characters. */
    static String shortName(String text) {
        String s = text.strip();
        int end = s.indexOf(". ");
        if (end > 0) s = s.substring(0, end + 1);
        if (s.length() <= NAME_LENGTH) return s;
        int cut = s.lastIndexOf(' ', NAME_LENGTH - 1);
        return s.substring(0, cut > 20 ? cut : NAME_LENGTH - 1).replaceAll("[,;:]$", "") + "…";
    }
}
