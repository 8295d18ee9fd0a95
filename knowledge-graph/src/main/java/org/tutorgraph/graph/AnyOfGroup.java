package org.tutorgraph.graph;

import java.util.List;

/**
 * "At least one of these alternatives is required": {@code concept} needs one member of {@code alternatives} mastered
 * before it can be learned.
 *
 * @param id           unique within the course ({@code concept#1}, {@code concept#2}, … unless authored)
 * @param concept      the concept that needs the group
 * @param alternatives two or more concept ids, any one of which suffices
 */
public record AnyOfGroup(String id, String concept, List<String> alternatives) {
    public AnyOfGroup {
        alternatives = List.copyOf(alternatives);
    }
}
