package org.tutorgraph.planner.order;

/**
 * Local-search settings of the {@link Sequencer}.
 *
 * @param window    how many positions a step may slide left or right in one move
 * @param maxPasses at most this many passes over the sequence (the search stops earlier when a pass changes nothing)
 */
public record OrderConfig(int window, int maxPasses) {

    public static final OrderConfig DEFAULT = new OrderConfig(8, 2);

    /** No local search: the list schedule as it is (for comparisons). */
    public static final OrderConfig NO_SEARCH = new OrderConfig(0, 0);

    public OrderConfig {
        if (window < 0 || maxPasses < 0) throw new IllegalArgumentException("window and maxPasses must be ≥ 0");
    }
}
