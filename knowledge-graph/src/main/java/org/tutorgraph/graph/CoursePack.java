package org.tutorgraph.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, valid course: its metadata, its graph and its items. Immutable.
 *
 * @see org.tutorgraph.pack.CoursePackLoader
 */
public final class CoursePack {

    private final CourseMeta meta;
    private final CourseGraph graph;
    private final List<Item> items;
    private final Map<String, Item> itemsById;
    private final Map<String, List<Item>> itemsByConcept;
    private final Path source;

    public CoursePack(CourseMeta meta, CourseGraph graph, List<Item> items, Path source) {
        this.meta = meta;
        this.graph = graph;
        this.items = List.copyOf(items);
        this.source = source;
        Map<String, Item> byId = new LinkedHashMap<>();
        Map<String, List<Item>> byConcept = new HashMap<>();
        for (Item item : this.items) {
            if (byId.put(item.id(), item) != null) throw new IllegalArgumentException("duplicate item id: " + item.id());
            for (String c : item.concepts()) {
                if (!graph.contains(c)) throw new IllegalArgumentException("item " + item.id() + " names unknown concept " + c);
                byConcept.computeIfAbsent(c, k -> new ArrayList<>()).add(item);
            }
        }
        this.itemsById = Collections.unmodifiableMap(byId);
        byConcept.replaceAll((k, v) -> List.copyOf(v));
        this.itemsByConcept = Collections.unmodifiableMap(byConcept);
    }

    public CourseMeta meta() {
        return meta;
    }

    public CourseGraph graph() {
        return graph;
    }

    public List<Item> items() {
        return items;
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(itemsById.get(id));
    }

    /** The items that assess {@code conceptId}, in declaration order. */
    public List<Item> itemsFor(String conceptId) {
        return itemsByConcept.getOrDefault(conceptId, List.of());
    }

    /** Where the pack was loaded from (a folder, or a {@code classpath:} location for the bundled course); may be null. */
    public Path source() {
        return source;
    }
}
