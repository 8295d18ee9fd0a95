package org.tutorgraph.importers;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseMeta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --from lecturebank}: LectureBank's prerequisite annotations (Yale-LILY/LectureBank), given as the folder
 * holding {@value #TOPICS} ({@code id,topic,url}, no header) and {@value #PAIRS} ({@code source,target,label}, no
 * header; label 1 means the source topic is a prerequisite of the target).
 * <ul>
 *   <li>Each topic is a concept named by its title; ids are slugs of the titles ("Neural Machine Translation" →
 *       {@code neural-machine-translation}). The Wikipedia URL goes into the description.</li>
 *   <li>Positive pairs become requires edges; a pair labelled both 0 and 1 counts as positive. Pairs naming a topic
 *       the topic file lacks are skipped and reported.</li>
 *   <li>A topic row with unquoted commas in its title (the real file has one) is repaired: trailing {@code NULL}
 *       and URL fields are the URL, the fields between id and URL are the title.</li>
 *   <li>The annotations contain cycles, so by default the import is refused with every cycle reported; with
 *       {@code --break-cycles} they are broken as {@link CycleBreaker} describes.</li>
 * </ul>
 */
public final class LectureBankImporter implements CourseImporter {

    static final String TOPICS = "208topics.csv";
    static final String PAIRS = "prerequisite_annotation.csv";

    @Override
    public String format() {
        return "lecturebank";
    }

    @Override
    public ImportResult importFrom(Path source, ImportOptions options) throws ImportException {
        Path folder = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        CsvTable topics = CsvTable.read(SourceFiles.inFolder(folder, TOPICS, "LectureBank"), false, TOPICS);
        CsvTable pairs = CsvTable.read(SourceFiles.inFolder(folder, PAIRS, "LectureBank"), false, PAIRS);
        List<String> problems = new ArrayList<>();
        GraphAssembly graph = new GraphAssembly(true);

        for (CsvTable.Row row : topics.rows) {
            List<String> f = row.fields();
            String id = row.field(0);
            if (!id.matches("\\d+")) {
                problems.add(topics.at(row) + ": expected a numeric topic id, found '" + id + "'");
                continue;
            }
            String title = row.field(1);
            String url = row.field(2);
            if (f.size() > 3) {
                // Unquoted commas in the title: trailing NULL and URL fields are the URL, the rest is the title.
                int end = f.size();
                url = "";
                while (end > 2 && (f.get(end - 1).equalsIgnoreCase("NULL") || isUrl(f.get(end - 1)))) {
                    if (isUrl(f.get(end - 1))) url = f.get(end - 1);
                    end--;
                }
                title = String.join(", ", f.subList(1, end));
            }
            if (!isUrl(url)) url = "";
            if (title.isEmpty()) {
                problems.add(topics.at(row) + ": topic " + id + " has no title");
                continue;
            }
            if (f.size() > 3) graph.note(topics.at(row) + ": repaired a row of " + f.size() + " fields: topic " + id + " is '" + title + "'");
            String description = url.isEmpty() ? "" : "Wikipedia: " + url;
            if (!graph.concept(id, title, description, Concept.DEFAULT_DIFFICULTY, Concept.DEFAULT_LEARNING_MINUTES, "")) {
                problems.add(topics.at(row) + ": duplicate topic id " + id);
            }
        }

        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, String> firstPositive = new LinkedHashMap<>();
        for (CsvTable.Row row : pairs.rows) {
            String from = row.field(0);
            String to = row.field(1);
            String label = row.field(2);
            if (row.fields().size() != 3 || !from.matches("\\d+") || !to.matches("\\d+") || !label.matches("[01]")) {
                problems.add(pairs.at(row) + ": expected source_id,target_id,0|1; found '" + String.join(",", row.fields()) + "'");
                continue;
            }
            String pair = from + "," + to;
            labels.computeIfAbsent(pair, k -> new ArrayList<>()).add(label);
            if (label.equals("1")) firstPositive.putIfAbsent(pair, pairs.at(row));
        }
        if (!problems.isEmpty()) throw new ImportException(problems);

        int conflicting = 0;
        int skipped = 0;
        TreeSet<Integer> unknownTopics = new TreeSet<>();
        for (Map.Entry<String, String> e : firstPositive.entrySet()) {
            String[] ends = e.getKey().split(",");
            if (labels.get(e.getKey()).contains("0")) conflicting++;
            if (!graph.has(ends[0]) || !graph.has(ends[1])) {
                skipped++;
                for (String t : ends) if (!graph.has(t)) unknownTopics.add(Integer.parseInt(t));
                continue;
            }
            graph.requires(ends[0], ends[1], e.getValue());
        }
        graph.note("read " + graph.conceptCount() + " topics and " + pairs.rows.size() + " annotated pairs ("
                + firstPositive.size() + " distinct positive) from " + folder);
        if (conflicting > 0) graph.note(conflicting + " pair" + GraphAssembly.plural(conflicting) + " labelled both 0 and 1: kept as prerequisites");
        if (skipped > 0) {
            graph.note(skipped + " positive pair" + GraphAssembly.plural(skipped) + " skipped: they name topics missing from " + TOPICS + " (ids "
                    + String.join(", ", unknownTopics.stream().map(String::valueOf).toList()) + ")");
        }
        CourseMeta meta = GraphAssembly.meta(options, "lecturebank", "LectureBank NLP prerequisite topics",
                "Imported from LectureBank's prerequisite annotations over 208 NLP and ML topics (Yale-LILY/LectureBank).");
        return graph.build(meta, options);
    }

    private static boolean isUrl(String s) {
        return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
    }
}
