package org.tutorgraph.importers;

import org.tutorgraph.graph.Cycles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops prerequisite edges until none is left on a cycle, in two principled steps:
 * <ol>
 *   <li><b>Mutual pairs.</b> When a source states both "a before b" and "b before a", it attests no order between
 *       them: both edges are dropped (the importer keeps the pair as {@code supports} edges both ways, since the two
 *       are evidently related).</li>
 *   <li><b>Minimum feedback arc set.</b> In each component still cyclic, the fewest edges whose removal leaves it
 *       acyclic: exact for components of up to {@value #EXACT_LIMIT} concepts (dynamic programming over subsets,
 *       O(2^n · n)), and the Eades–Lin–Smyth greedy ordering above that (O(n² + e), within a known bound of the
 *       optimum). Ties go to the order concepts were declared in, so the result is deterministic.</li>
 * </ol>
 */
final class CycleBreaker {

    static final int EXACT_LIMIT = 16;

    /** A prerequisite edge: {@code from} must come before {@code to}. */
    record Edge(String from, String to, String where) {
    }

    /**
     * @param kept    the edges left, acyclic
     * @param dropped each dropped edge with its reason
     * @param mutual  the dropped mutual pairs, one edge per direction, for the caller to keep as soft edges
     */
    record Result(List<Edge> kept, List<DroppedEdge> dropped, List<Edge> mutual) {
    }

    private CycleBreaker() {
    }

    static Result breakCycles(List<String> nodes, List<Edge> edges) {
        List<DroppedEdge> dropped = new ArrayList<>();
        List<Edge> mutual = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (Edge e : edges) pairs.add(e.from() + "\u0000" + e.to());
        List<Edge> kept = new ArrayList<>();
        for (Edge e : edges) {
            if (pairs.contains(e.to() + "\u0000" + e.from())) {
                mutual.add(e);
                dropped.add(new DroppedEdge(e.from(), e.to(), e.where(),
                        "mutual pair: " + e.to() + " -> " + e.from() + " is stated too, so no order is attested"));
            } else {
                kept.add(e);
            }
        }

        for (Set<String> component : Cycles.cyclicComponents(nodes, successors(kept))) {
            List<String> members = new ArrayList<>(component);
            boolean exact = members.size() <= EXACT_LIMIT;
            List<Edge> inside = kept.stream().filter(e -> component.contains(e.from()) && component.contains(e.to())).toList();
            List<String> order = exact ? exactOrder(members, inside) : greedyOrder(members, inside);
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
            String reason = (exact ? "minimum feedback arc set" : "feedback arc set (Eades-Lin-Smyth heuristic)")
                    + " of the cycle among " + String.join(", ", members);
            Set<Edge> backward = new LinkedHashSet<>();
            for (Edge e : inside) if (position.get(e.from()) > position.get(e.to())) backward.add(e);
            kept.removeAll(backward);
            for (Edge e : backward) dropped.add(new DroppedEdge(e.from(), e.to(), e.where(), reason));
        }
        return new Result(List.copyOf(kept), List.copyOf(dropped), List.copyOf(mutual));
    }

    static java.util.function.Function<String, List<String>> successors(List<Edge> edges) {
        Map<String, List<String>> out = new HashMap<>();
        for (Edge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        return n -> out.getOrDefault(n, List.of());
    }

    /**
     * An order of {@code members} with the fewest backward edges. best[S] is the fewest backward edges when the set S
     * is placed first; adding v after S makes every edge v → S backward. O(2^n · n).
     */
    static List<String> exactOrder(List<String> members, List<Edge> edges) {
        int n = members.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(members.get(i), i);
        int[] out = new int[n];
        for (Edge e : edges) out[index.get(e.from())] |= 1 << index.get(e.to());
        int full = (1 << n) - 1;
        int[] best = new int[full + 1];
        int[] last = new int[full + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int mask = 0; mask < full; mask++) {
            if (best[mask] == Integer.MAX_VALUE) continue;
            for (int v = 0; v < n; v++) {
                if ((mask & (1 << v)) != 0) continue;
                int next = mask | (1 << v);
                int cost = best[mask] + Integer.bitCount(out[v] & mask);
                if (cost < best[next]) {
                    best[next] = cost;
                    last[next] = v;
                }
            }
        }
        Deque<String> order = new ArrayDeque<>();
        for (int mask = full; mask != 0; mask &= ~(1 << last[mask])) order.addFirst(members.get(last[mask]));
        return List.copyOf(order);
    }

    /**
     * Eades, Lin and Smyth (1993): repeatedly move sinks to the back and sources to the front; when neither is left,
     * move to the front the concept with the largest out-degree minus in-degree. O(n² + e).
     */
    static List<String> greedyOrder(List<String> members, List<Edge> edges) {
        Map<String, Set<String>> out = new HashMap<>();
        Map<String, Set<String>> in = new HashMap<>();
        for (String m : members) {
            out.put(m, new LinkedHashSet<>());
            in.put(m, new LinkedHashSet<>());
        }
        for (Edge e : edges) {
            out.get(e.from()).add(e.to());
            in.get(e.to()).add(e.from());
        }
        Set<String> left = new LinkedHashSet<>(members);
        List<String> front = new ArrayList<>();
        Deque<String> back = new ArrayDeque<>();
        while (!left.isEmpty()) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (String v : List.copyOf(left)) {
                    if (out.get(v).isEmpty()) {
                        back.addFirst(v);
                        remove(v, left, out, in);
                        moved = true;
                    } else if (in.get(v).isEmpty()) {
                        front.add(v);
                        remove(v, left, out, in);
                        moved = true;
                    }
                }
            }
            if (left.isEmpty()) break;
            String pick = null;
            int bestDelta = Integer.MIN_VALUE;
            for (String v : left) {
                int delta = out.get(v).size() - in.get(v).size();
                if (delta > bestDelta) {
                    bestDelta = delta;
                    pick = v;
                }
            }
            front.add(pick);
            remove(pick, left, out, in);
        }
        List<String> order = new ArrayList<>(front);
        order.addAll(back);
        return order;
    }

    private static void remove(String v, Set<String> left, Map<String, Set<String>> out, Map<String, Set<String>> in) {
        left.remove(v);
        for (String w : out.get(v)) in.get(w).remove(v);
        for (String u : in.get(v)) out.get(u).remove(v);
        out.get(v).clear();
        in.get(v).clear();
    }
}
