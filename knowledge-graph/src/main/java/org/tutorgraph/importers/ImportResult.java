package org.tutorgraph.importers;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.Item;

import java.util.List;

/**
 * What an importer produced: a valid course graph (and items, when the source has any) plus a human report of
 * what was read, skipped or repaired (counts, dropped edges, broken cycles).
 *
 * @param dropped          prerequisite edges of the source that are not in {@link #graph()} because they closed a
 *                         cycle (only with {@link ImportOptions#breakCycles()})
 * @param cyclicComponents how many strongly connected components with a cycle the source had (0 for a clean DAG)
 * @param simpleCycles     how many simple cycles were found in them (enumeration stops at 50 per component)
 */
public record ImportResult(CourseMeta meta, CourseGraph graph, List<Item> items, List<String> report,
                           List<DroppedEdge> dropped, int cyclicComponents, int simpleCycles) {
    public ImportResult {
        items = List.copyOf(items);
        report = List.copyOf(report);
        dropped = List.copyOf(dropped);
    }

    public ImportResult(CourseMeta meta, CourseGraph graph, List<Item> items, List<String> report) {
        this(meta, graph, items, report, List.of(), 0, 0);
    }
}
