package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Cycles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class CycleBreakerTest {

    private static CycleBreaker.Edge e(String from, String to) {
        return new CycleBreaker.Edge(from, to, from + to);
    }

    private static boolean acyclic(List<String> nodes, List<CycleBreaker.Edge> edges) {
        return Cycles.cyclicComponents(nodes, CycleBreaker.successors(edges)).isEmpty();
    }

    @Test
    void dropsBothEdgesOfAMutualPairAndReportsThem() {
        CycleBreaker.Result r = CycleBreaker.breakCycles(List.of("a", "b", "c"), List.of(e("a", "b"), e("b", "a"), e("b", "c")));
        assertThat(r.kept()).containsExactly(e("b", "c"));
        assertThat(r.mutual()).containsExactly(e("a", "b"), e("b", "a"));
        assertThat(r.dropped()).extracting(DroppedEdge::where).containsExactly("ab", "ba");
        assertThat(r.dropped().get(0).reason()).startsWith("mutual pair");
    }

    @Test
    void dropsOneEdgeOfASimpleCycle() {
        CycleBreaker.Result r = CycleBreaker.breakCycles(List.of("a", "b", "c"), List.of(e("a", "b"), e("b", "c"), e("c", "a")));
        assertThat(r.dropped()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("ca");
            assertThat(d.reason()).isEqualTo("minimum feedback arc set of the cycle among a, b, c");
        });
        assertThat(acyclic(List.of("a", "b", "c"), r.kept())).isTrue();
    }

    @Test
    void leavesAnAcyclicGraphAlone() {
        List<CycleBreaker.Edge> edges = List.of(e("a", "b"), e("b", "c"), e("a", "c"));
        CycleBreaker.Result r = CycleBreaker.breakCycles(List.of("a", "b", "c"), edges);
        assertThat(r.kept()).isEqualTo(edges);
        assertThat(r.dropped()).isEmpty();
    }

    @Test
    void theExactOrderIsAsGoodAsTryingEveryOrder() {
        qt().withExamples(200).withFixedSeed(7L)
                .forAll(integers().between(2, 6), longs().all())
                .checkAssert((n, seed) -> {
                    List<String> nodes = nodes(n);
                    List<CycleBreaker.Edge> edges = randomEdges(nodes, new Random(seed), 0.45);
                    int best = bruteForceMinimum(nodes, edges);
                    assertThat(backward(CycleBreaker.exactOrder(nodes, edges), edges)).isEqualTo(best);
                });
    }

    @Test
    void largeComponentsUseTheGreedyOrderAndEndAcyclic() {
        // A ring of 40 concepts with chords: one component, too large for the exact method.
        List<String> nodes = nodes(40);
        List<CycleBreaker.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 40; i++) edges.add(e(nodes.get(i), nodes.get((i + 1) % 40)));
        for (int i = 0; i < 40; i += 7) edges.add(e(nodes.get(i), nodes.get((i + 13) % 40)));
        CycleBreaker.Result r = CycleBreaker.breakCycles(nodes, edges);

        assertThat(acyclic(nodes, r.kept())).isTrue();
        assertThat(r.kept().size() + r.dropped().size()).isEqualTo(edges.size());
        assertThat(r.dropped()).isNotEmpty().allSatisfy(d -> assertThat(d.reason()).contains("Eades-Lin-Smyth"));
        assertThat(CycleBreaker.breakCycles(nodes, edges)).isEqualTo(r); // deterministic
    }

    @Test
    void randomGraphsAlwaysEndAcyclicWithEveryEdgeKeptOrReported() {
        qt().withExamples(100).withFixedSeed(11L)
                .forAll(integers().between(2, 30), longs().all())
                .checkAssert((n, seed) -> {
                    List<String> nodes = nodes(n);
                    List<CycleBreaker.Edge> edges = randomEdges(nodes, new Random(seed), 0.2);
                    CycleBreaker.Result r = CycleBreaker.breakCycles(nodes, edges);
                    assertThat(acyclic(nodes, r.kept())).isTrue();
                    assertThat(r.kept().size() + r.dropped().size()).isEqualTo(edges.size());
                });
    }

    private static List<String> nodes(int n) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) nodes.add(String.format("n%02d", i));
        return nodes;
    }

    private static List<CycleBreaker.Edge> randomEdges(List<String> nodes, Random random, double p) {
        List<CycleBreaker.Edge> edges = new ArrayList<>();
        for (String a : nodes) for (String b : nodes) if (!a.equals(b) && random.nextDouble() < p) edges.add(e(a, b));
        return edges;
    }

    private static int backward(List<String> order, List<CycleBreaker.Edge> edges) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < order.size(); i++) pos.put(order.get(i), i);
        int n = 0;
        for (CycleBreaker.Edge e : edges) if (pos.get(e.from()) > pos.get(e.to())) n++;
        return n;
    }

    private static int bruteForceMinimum(List<String> nodes, List<CycleBreaker.Edge> edges) {
        int[] best = {Integer.MAX_VALUE};
        permute(new ArrayList<>(), new HashSet<>(), nodes, edges, best);
        return best[0];
    }

    private static void permute(List<String> prefix, Set<String> used, List<String> nodes, List<CycleBreaker.Edge> edges, int[] best) {
        if (prefix.size() == nodes.size()) {
            best[0] = Math.min(best[0], backward(prefix, edges));
            return;
        }
        for (String n : nodes) {
            if (!used.add(n)) continue;
            prefix.add(n);
            permute(prefix, used, nodes, edges, best);
            prefix.remove(prefix.size() - 1);
            used.remove(n);
        }
    }
}
