package org.tutorgraph.graph;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Finds cycles in a directed graph given by successor lists, for validation messages and importers. */
public final class Cycles {

    private Cycles() {
    }

    /**
     * One shortest cycle through the first node (in {@code nodes} order) of every strongly connected component that
     * has a cycle: an empty list when the graph is acyclic. O(V + E) for the components (Kosaraju), plus one BFS per
     * cyclic component.
     */
    public static List<List<String>> findOnePerComponent(Collection<String> nodes, Function<String, List<String>> successors) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        nodes.forEach(g::addVertex);
        boolean anyLoop = false;
        for (String n : nodes) {
            for (String s : successors.apply(n)) {
                if (!g.containsVertex(s)) continue;
                g.addEdge(n, s);
                anyLoop |= n.equals(s);
            }
        }
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
            if (component.size() == 1) {
                String only = component.iterator().next();
                if (anyLoop && g.containsEdge(only, only)) cycles.add(List.of(only));
                continue;
            }
            String start = nodes.stream().filter(component::contains).findFirst().orElseThrow();
            cycles.add(shortestCycleThrough(new AsSubgraph<>(g, component), start));
        }
        cycles.sort(java.util.Comparator.comparing((List<String> c) -> c.get(0)));
        return cycles;
    }

    /** The shortest cycle through {@code start} inside a strongly connected graph: start, …, last (last → start). */
    static List<String> shortestCycleThrough(Graph<String, DefaultEdge> scc, String start) {
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
        return best;
    }
}
