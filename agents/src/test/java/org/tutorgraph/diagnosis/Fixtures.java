package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Item;

import java.util.List;

/** A small course graph of our own: five strands, requires edges, one anyOf group; 18 concepts. */
final class Fixtures {

    private Fixtures() {
    }

    static CourseGraph graph() {
        CourseGraph.Builder b = CourseGraph.builder();
        for (String id : List.of("n1", "n2", "n3", "n4", "n5", "f1", "f2", "f3", "a1", "a2", "a3", "g1", "g2", "g3", "g4",
                "s1", "s2", "s3")) {
            b.concept(Concept.of(id, id));
        }
        b.requires("n1", "n2").requires("n2", "n3").requires("n3", "n4").requires("n4", "n5");
        b.requires("n2", "f1").requires("f1", "f2").requires("f2", "f3").requires("n3", "f3");
        b.anyOf("a1", List.of("f2", "n4"));
        b.requires("a1", "a2").requires("a2", "a3").requires("f3", "a3");
        b.requires("n1", "g1").requires("g1", "g2").requires("g2", "g3").requires("n3", "g3").requires("g3", "g4");
        b.requires("n2", "s1").requires("s1", "s2").requires("f1", "s2").requires("s2", "s3");
        return b.build();
    }

    /** A chain c0 → c1 → … → c(n−1). */
    static CourseGraph chain(int n) {
        CourseGraph.Builder b = CourseGraph.builder();
        for (int i = 0; i < n; i++) b.concept(Concept.of("c" + i, "c" + i));
        for (int i = 1; i < n; i++) b.requires("c" + (i - 1), "c" + i);
        return b.build();
    }

    static Item item(String id, String... concepts) {
        return new Item(id, "question " + id, AnswerType.NUMBER, List.of("1"), List.of(), 0, List.of(concepts), List.of(), List.of());
    }
}
