package org.tutorgraph.graph;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds cycles in a directed graph given by successor lists, for validation messages and importers.
 *
 * <p>A graph's cycles can be exponentially many, so "every cycle" is reported in two layers: every strongly
 * connected component that holds a cycle (with all its members, so together with its edges it contains every cycle),
 * and within it the simple cycles themselves, enumerated up to a bound.
 */
public final class Cycles {

    private Cycles() {
    }

    /**
     * Every strongly connected component that holds a cycle: components of two or more nodes, and single nodes with a
     * self-loop. Members keep {@code nodes} order; components are ordered by their first member. Successors outside
     * {@code nodes} are ignored. O(V + E) (Kosaraju).
     */
    public static List<Set<String>> cyclicComponents(Collection<String> nodes, Function<String, List<String>> successors) {
        Graph<String, DefaultEdge> g = graph(nodes, successors);
        Map<String, Integer> order = new HashMap<>();
        for (String n : nodes) order.putIfAbsent(n, order.size());
        List<Set<String>> cyclic = new ArrayList<>();
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
            if (component.size() == 1) {
                String only = component.iterator().next();
                if (!g.containsEdge(only, only)) continue;
            }
            Set<String> ordered = new LinkedHashSet<>();
            component.stream().sorted(Comparator.comparing(order::get)).forEach(ordered::add);
            cyclic.add(ordered);
        }
        cyclic.sort(Comparator.comparing((Set<String> c) -> order.get(c.iterator().next())));
        return cyclic;
    }

    /**
     * A shortest cycle through the first member of {@code component} (a cyclic strongly connected component): first,
     * …, last, where last → first closes it. One BFS per successor of the first member: O(d · (V + E)) in the component.
     */
    public static List<String> shortestCycleThrough(Set<String> component, Function<String, List<String>> successors) {
        Graph<String, DefaultEdge> scc = graph(component, successors);
        String start = component.iterator().next();
        if (scc.containsEdge(start, start)) return List.of(start);
        List<String> best = null;
        BFSShortestPath<String, DefaultEdge> bfs = new BFSShortestPath<>(scc);
        for (DefaultEdge out : scc.outgoingEdgesOf(start)) {
            String next = scc.getEdgeTarget(out);
            GraphPath<String, DefaultEdge> back = bfs.getPath(next, start);
            if (back == null) continue;
            List<String> cycle = new ArrayList<>();
            cycle.add(start);
            List<String> vs = back.getVertexList();
            cycle.addAll(vs.subList(0, vs.size() - 1));
            if (best == null || cycle.size() < best.size()) best = cycle;
        }
        if (best == null) throw new IllegalArgumentException("not a cyclic component: " + component);
        return best;
    }

    /**
     * Up to {@code limit} simple cycles of the graph restricted to {@code component}, each rotated to start at its
     * member that comes first in {@code component} order, sorted by length then lexicographically. Johnson's algorithm,
     * O((V + E) · (c + 1)) for c cycles found, stopped after {@code limit}; the result says whether it stopped early.
     */
    public static SimpleCycles simpleCycles(Set<String> component, Function<String, List<String>> successors, int limit) {
        Graph<String, DefaultEdge> scc = graph(component, successors);
        Map<String, Integer> order = new HashMap<>();
        for (String n : component) order.put(n, order.size());
        List<List<String>> found = new ArrayList<>();
        boolean complete = true;
        try {
            new JohnsonSimpleCycles<>(scc).findSimpleCycles(cycle -> {
                if (found.size() == limit) throw new Enough();
                found.add(rotate(cycle, order));
            });
        } catch (Enough e) {
            complete = false;
        }
        found.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(c -> String.join("\u0000", c)));
        return new SimpleCycles(List.copyOf(found), complete);
    }

    /**
     * Simple cycles of one component.
     *
     * @param cycles   each listed from its first member; the last member's edge to the first closes it
     * @param complete false when enumeration stopped at the limit (more cycles exist)
     */
    public record SimpleCycles(List<List<String>> cycles, boolean complete) {
    }

    /**
     * One shortest cycle per cyclic strongly connected component, ordered by component: an empty list when the graph
     * is acyclic. O(V + E) for the components, plus one BFS per cyclic component.
     */
    public static List<List<String>> findOnePerComponent(Collection<String> nodes, Function<String, List<String>> successors) {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : cyclicComponents(nodes, successors)) cycles.add(shortestCycleThrough(component, successors));
        return cycles;
    }

    private static List<String> rotate(List<String> cycle, Map<String, Integer> order) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) if (order.get(cycle.get(i)) < order.get(cycle.get(first))) first = i;
        List<String> r = new ArrayList<>(cycle.size());
        for (int i = 0; i < cycle.size(); i++) r.add(cycle.get((first + i) % cycle.size()));
        return List.copyOf(r);
    }

    private static Graph<String, DefaultEdge> graph(Collection<String> nodes, Function<String, List<String>> successors) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        nodes.forEach(g::addVertex);
        for (String n : nodes) {
            for (String s : successors.apply(n)) {
                if (g.containsVertex(s)) g.addEdge(n, s);
            }
        }
        return g;
    }

    /** Stops Johnson's enumeration once the limit is reached. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
