package org.tutorgraph.planner;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;

import java.util.HashMap;
import java.util.Map;

/** Small hand-made graphs for planner tests. */
public final class TestGraphs {

    private TestGraphs() {
    }

    /** A concept with difficulty 1 (no load surcharge), so its cost for an unknown learner is exactly {@code minutes}. */
    public static Concept concept(String id, double minutes) {
        return new Concept(id, id, "", 1, minutes, "");
    }

    public static Concept concept(String id, double minutes, String area) {
        return new Concept(id, id, "", 1, minutes, area);
    }

    /** Posteriors: the given concepts at 1.0 (mastered), the rest at 0. */
    public static Map<String, Double> mastered(String... ids) {
        Map<String, Double> m = new HashMap<>();
        for (String id : ids) m.put(id, 1.0);
        return m;
    }

    /**
     * The algebra-like diamond used by several tests:
     * <pre>
     *   a → b → d → goal
     *   a → c → d
     *        e → goal        (e has no prerequisites)
     * </pre>
     */
    public static CourseGraph diamond() {
        return CourseGraph.builder()
                .concept(concept("a", 10)).concept(concept("b", 20)).concept(concept("c", 30))
                .concept(concept("d", 40)).concept(concept("e", 5)).concept(concept("goal", 50))
                .requires("a", "b").requires("a", "c").requires("b", "d").requires("c", "d")
                .requires("d", "goal").requires("e", "goal")
                .build();
    }
}
