package org.tutorgraph.graph;

/**
 * A directed edge of the course graph, always pointing from the concept that helps towards the concept it helps.
 * JGraphT holds these as edge objects; being records, two equal links are one edge.
 */
public sealed interface Link permits Link.Requires, Link.AnyOf, Link.Supports {

    /** The concept the edge starts from (a prerequisite, an alternative, or a supporter). */
    String source();

    /** The concept that needs or benefits from {@link #source()}. */
    String target();

    /** Whether this edge constrains the order of learning ({@code requires} and {@code anyOf} do; {@code supports} does not). */
    default boolean isPrerequisite() {
        return !(this instanceof Supports);
    }

    /** Hard prerequisite: {@code prerequisite} must be mastered before {@code concept}. */
    record Requires(String prerequisite, String concept) implements Link {
        @Override public String source() { return prerequisite; }
        @Override public String target() { return concept; }
        @Override public String toString() { return prerequisite + " -requires-> " + concept; }
    }

    /** One alternative of an {@link AnyOfGroup}: {@code alternative} is one way to satisfy group {@code group} of {@code concept}. */
    record AnyOf(String alternative, String concept, String group) implements Link {
        @Override public String source() { return alternative; }
        @Override public String target() { return concept; }
        @Override public String toString() { return alternative + " -anyOf(" + group + ")-> " + concept; }
    }

    /** Soft edge: knowing {@code supporter} makes {@code concept} cheaper to learn; {@code strength} in (0, 1]. */
    record Supports(String supporter, String concept, double strength) implements Link {
        @Override public String source() { return supporter; }
        @Override public String target() { return concept; }
        @Override public String toString() { return supporter + " -supports(" + strength + ")-> " + concept; }
    }
}
