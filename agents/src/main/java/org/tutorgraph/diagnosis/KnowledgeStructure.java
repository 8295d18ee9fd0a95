package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.CourseGraph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The course graph compiled to int arrays for the diagnosis' inner loops: for each concept its {@code requires}
 * parents, its anyOf groups (each an array of alternatives), the concepts whose prerequisite it is, a topological
 * order, and a level in [0, 1] (longest prerequisite path from a root, divided by the longest in the graph).
 *
 * <p>A knowledge state K (a set of mastered concepts) is <em>feasible</em> — downward closed, in knowledge-space
 * terms — when every concept in K has all its {@code requires} parents in K and at least one member of each of its
 * anyOf groups in K. {@code supports} edges do not constrain states. Built in O(V + E).
 */
public final class KnowledgeStructure {

    private final List<String> ids;
    private final int[][] requires;
    private final int[][][] groups;
    private final int[][] children;
    private final int[] topological;
    private final double[] level;

    private KnowledgeStructure(List<String> ids, int[][] requires, int[][][] groups, int[][] children, int[] topological,
                               double[] level) {
        this.ids = ids;
        this.requires = requires;
        this.groups = groups;
        this.children = children;
        this.topological = topological;
        this.level = level;
    }

    public static KnowledgeStructure of(CourseGraph graph) {
        int n = graph.size();
        List<String> ids = new ArrayList<>(n);
        graph.concepts().forEach(c -> ids.add(c.id()));
        int[][] requires = new int[n][];
        int[][][] groups = new int[n][][];
        List<Set<Integer>> kids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) kids.add(new LinkedHashSet<>());
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            List<String> req = graph.requires(id);
            requires[i] = new int[req.size()];
            for (int k = 0; k < req.size(); k++) {
                requires[i][k] = graph.indexOf(req.get(k));
                kids.get(requires[i][k]).add(i);
            }
            List<AnyOfGroup> gs = graph.anyOfGroups(id);
            groups[i] = new int[gs.size()][];
            for (int g = 0; g < gs.size(); g++) {
                List<String> alts = gs.get(g).alternatives();
                groups[i][g] = new int[alts.size()];
                for (int k = 0; k < alts.size(); k++) {
                    groups[i][g][k] = graph.indexOf(alts.get(k));
                    kids.get(groups[i][g][k]).add(i);
                }
            }
        }
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
        int[] topo = graph.topologicalOrder().stream().mapToInt(graph::indexOf).toArray();
        int[] depth = new int[n];
        int max = 0;
        for (int c : topo) {
            for (int p : requires[c]) depth[c] = Math.max(depth[c], depth[p] + 1);
            for (int[] g : groups[c]) {
                // An anyOf group is passed through its shallowest alternative: the easiest route in.
                int shallow = Integer.MAX_VALUE;
                for (int a : g) shallow = Math.min(shallow, depth[a]);
                if (shallow != Integer.MAX_VALUE) depth[c] = Math.max(depth[c], shallow + 1);
            }
            max = Math.max(max, depth[c]);
        }
        double[] level = new double[n];
        for (int i = 0; i < n; i++) level[i] = max == 0 ? 0.5 : (double) depth[i] / max;
        return new KnowledgeStructure(List.copyOf(ids), requires, groups, children, topo, level);
    }

    public int size() {
        return ids.size();
    }

    public String id(int c) {
        return ids.get(c);
    }

    public List<String> ids() {
        return ids;
    }

    public int indexOf(String id) {
        return ids.indexOf(id);
    }

    int[] requires(int c) {
        return requires[c];
    }

    int[][] groups(int c) {
        return groups[c];
    }

    /** Concepts that have {@code c} as a requires parent or an anyOf alternative. */
    int[] children(int c) {
        return children[c];
    }

    int[] topological() {
        return topological;
    }

    /** Longest prerequisite path from a root to {@code c}, over the longest in the graph: 0 for roots, 1 for the deepest. */
    public double level(int c) {
        return level[c];
    }

    /** Whether {@code c}'s prerequisites are satisfied by the state in {@code words} (a bitset at {@code base}). */
    boolean satisfied(long[] words, int base, int c) {
        for (int p : requires[c]) if (!has(words, base, p)) return false;
        for (int[] g : groups[c]) {
            boolean any = false;
            for (int a : g) {
                if (has(words, base, a)) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    /** Whether {@code c}'s prerequisites are satisfied by {@code state} (a boolean per concept). O(in-degree of c). */
    boolean satisfied(boolean[] state, int c) {
        for (int p : requires[c]) if (!state[p]) return false;
        for (int[] g : groups[c]) {
            boolean any = false;
            for (int a : g) any |= state[a];
            if (!any) return false;
        }
        return true;
    }

    /** Whether a state (a boolean per concept) is feasible: downward closed under requires and anyOf. O(V + E). */
    public boolean feasible(boolean[] state) {
        for (int c = 0; c < size(); c++) {
            if (state[c] && !satisfied(state, c)) return false;
        }
        return true;
    }

    static boolean has(long[] words, int base, int c) {
        return (words[base + (c >>> 6)] & (1L << c)) != 0;
    }
}
