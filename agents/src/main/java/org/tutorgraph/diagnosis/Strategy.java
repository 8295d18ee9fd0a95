package org.tutorgraph.diagnosis;

/** The diagnosis strategies the benchmark compares; {@link #GRAPH_ADAPTIVE} is the Diagnostician's own. */
public enum Strategy {
    /** Particle belief over prerequisite-respecting states, questions by expected information gain. */
    GRAPH_ADAPTIVE("graph-adaptive"),
    /** The same belief, questions in random order: what the choice of questions is worth. */
    RANDOM_ORDER("random-order"),
    /** One BKT-style posterior per concept, no graph, least certain concept first: what the graph is worth. */
    INDEPENDENT_TRACING("independent-tracing"),
    /** One question per concept, in topological order, scored per concept: the classic placement test. */
    FULL_TEST("full-test");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
