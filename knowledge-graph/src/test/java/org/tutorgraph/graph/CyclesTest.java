package org.tutorgraph.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class CyclesTest {

    private static Function<String, List<String>> edges(Map<String, List<String>> m) {
        return n -> m.getOrDefault(n, List.of());
    }

    @Test
    void findsEveryCyclicComponentIncludingSelfLoops() {
        var g = edges(Map.of("a", List.of("b"), "b", List.of("a", "c"), "c", List.of("d"), "d", List.of("d"), "e", List.of("a")));
        assertThat(Cycles.cyclicComponents(List.of("e", "a", "b", "c", "d"), g))
                .containsExactly(Set.of("a", "b"), Set.of("d"));
    }

    @Test
    void anAcyclicGraphHasNoCyclicComponent() {
        var g = edges(Map.of("a", List.of("b", "c"), "b", List.of("c")));
        assertThat(Cycles.cyclicComponents(List.of("a", "b", "c"), g)).isEmpty();
        assertThat(Cycles.findOnePerComponent(List.of("a", "b", "c"), g)).isEmpty();
    }

    @Test
    void theShortestCycleStartsAtTheComponentsFirstMember() {
        var g = edges(Map.of("a", List.of("b", "d"), "b", List.of("c"), "c", List.of("a"), "d", List.of("a")));
        Set<String> component = Cycles.cyclicComponents(List.of("a", "b", "c", "d"), g).get(0);
        assertThat(Cycles.shortestCycleThrough(component, g)).containsExactly("a", "d");
    }

    @Test
    void enumeratesSimpleCyclesUpToTheLimit() {
        // A complete digraph on 4 nodes has 20 simple cycles: 6 of length 2, 8 of length 3, 6 of length 4.
        List<String> nodes = List.of("a", "b", "c", "d");
        Function<String, List<String>> complete = n -> nodes.stream().filter(m -> !m.equals(n)).toList();
        Set<String> component = Cycles.cyclicComponents(nodes, complete).get(0);

        Cycles.SimpleCycles all = Cycles.simpleCycles(component, complete, 100);
        assertThat(all.complete()).isTrue();
        assertThat(all.cycles()).hasSize(20);
        assertThat(all.cycles().get(0)).containsExactly("a", "b");
        assertThat(all.cycles()).allSatisfy(c -> assertThat(c.get(0)).isEqualTo(first(c, nodes)));

        Cycles.SimpleCycles some = Cycles.simpleCycles(component, complete, 5);
        assertThat(some.complete()).isFalse();
        assertThat(some.cycles()).hasSize(5);
    }

    private static String first(List<String> cycle, List<String> order) {
        List<String> sorted = new ArrayList<>(cycle);
        sorted.sort((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
        return sorted.get(0);
    }
}
