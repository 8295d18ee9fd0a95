package org.tutorgraph.importers;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CourseMeta;
import org.tutorgraph.graph.Item;

import java.util.List;

/**
 * What an importer produced: a valid course graph (and items, when the source has any) plus a human report of
 * what was read, skipped or repaired (counts, dropped edges, broken cycles).
 */
public record ImportResult(CourseMeta meta, CourseGraph graph, List<Item> items, List<String> report) {
    public ImportResult {
        items = List.copyOf(items);
        report = List.copyOf(report);
    }
}
