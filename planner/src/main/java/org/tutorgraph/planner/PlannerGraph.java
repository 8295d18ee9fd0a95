package org.tutorgraph.planner;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course graph compiled to int-indexed arrays for the planner's inner loops: concept {@code i} is
 * {@code CourseGraph.indexOf(id)}, anyOf group {@code g} is its position in {@link CourseGraph#anyOfGroups()}.
 *
 * <p>Built once per course in O(V + E) and shared by every plan on that course (it is immutable and thread-safe).
 * The arrays returned by the accessors are the planner's own: callers must not modify them.
 */
public final class PlannerGraph {

    private static final int[] NONE = new int[0];
    private static final double[] NO_WEIGHTS = new double[0];

    private final CourseGraph course;
    private final int n;
    private final String[] ids;
    private final int[][] requires;
    private final int[][] dependents;
    private final int[] groupConcept;
    private final int[][] groupAlternatives;
    private final String[] groupIds;
    private final int[][] groupsOf;
    private final int[][] groupsContaining;
    private final int[][] supportedBy;
    private final double[][] supportStrength;
    private final int[][] supportTargets;
    private final double[] minutes;
    private final double[] difficulty;
    private final int[] area;
    private final String[] areaNames;
    private final int[] topoPos;
    private final int[] topoOrder;
    private final Link.Requires[][] requiresLinks;
    private final Link.AnyOf[][] anyOfLinks;

    private PlannerGraph(CourseGraph course) {
        this.course = course;
        List<Concept> concepts = course.concepts();
        n = concepts.size();
        ids = new String[n];
        minutes = new double[n];
        difficulty = new double[n];
        area = new int[n];
        Map<String, Integer> areaIndex = new HashMap<>();
        List<String> areaList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Concept c = concepts.get(i);
            ids[i] = c.id();
            minutes[i] = Math.max(0.0, c.learningMinutes());
            difficulty[i] = c.difficulty();
            area[i] = areaIndex.computeIfAbsent(c.area(), a -> {
                areaList.add(a);
                return areaList.size() - 1;
            });
        }
        areaNames = areaList.toArray(String[]::new);

        requires = new int[n][];
        dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            requires[i] = indices(course.requires(ids[i]));
            dependents[i] = indices(course.dependents(ids[i]));
        }

        List<AnyOfGroup> groups = course.anyOfGroups();
        int groupCount = groups.size();
        groupConcept = new int[groupCount];
        groupAlternatives = new int[groupCount][];
        groupIds = new String[groupCount];
        List<List<Integer>> of = new ArrayList<>(n);
        List<List<Integer>> containing = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            of.add(null);
            containing.add(null);
        }
        for (int g = 0; g < groupCount; g++) {
            AnyOfGroup group = groups.get(g);
            groupIds[g] = group.id();
            groupConcept[g] = course.indexOf(group.concept());
            groupAlternatives[g] = indices(group.alternatives());
            add(of, groupConcept[g], g);
            for (int a : groupAlternatives[g]) add(containing, a, g);
        }
        groupsOf = toArrays(of);
        groupsContaining = toArrays(containing);

        supportedBy = new int[n][];
        supportStrength = new double[n][];
        supportTargets = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Link.Supports> into = course.supportsInto(ids[i]);
            if (into.isEmpty()) {
                supportedBy[i] = NONE;
                supportStrength[i] = NO_WEIGHTS;
            } else {
                supportedBy[i] = new int[into.size()];
                supportStrength[i] = new double[into.size()];
                for (int k = 0; k < into.size(); k++) {
                    supportedBy[i][k] = course.indexOf(into.get(k).supporter());
                    supportStrength[i][k] = into.get(k).strength();
                }
            }
            List<Link.Supports> from = course.supportsFrom(ids[i]);
            supportTargets[i] = from.isEmpty() ? NONE : from.stream().mapToInt(s -> course.indexOf(s.concept())).toArray();
        }

        requiresLinks = new Link.Requires[n][];
        for (int i = 0; i < n; i++) {
            requiresLinks[i] = new Link.Requires[requires[i].length];
            for (int k = 0; k < requires[i].length; k++) requiresLinks[i][k] = new Link.Requires(ids[requires[i][k]], ids[i]);
        }
        anyOfLinks = new Link.AnyOf[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            anyOfLinks[g] = new Link.AnyOf[groupAlternatives[g].length];
            for (int k = 0; k < groupAlternatives[g].length; k++) {
                anyOfLinks[g][k] = new Link.AnyOf(ids[groupAlternatives[g][k]], ids[groupConcept[g]], groupIds[g]);
            }
        }

        List<String> topo = course.topologicalOrder();
        topoOrder = new int[n];
        topoPos = new int[n];
        for (int k = 0; k < n; k++) {
            int v = course.indexOf(topo.get(k));
            topoOrder[k] = v;
            topoPos[v] = k;
        }
    }

    private int[] indices(List<String> conceptIds) {
        if (conceptIds.isEmpty()) return NONE;
        int[] out = new int[conceptIds.size()];
        for (int k = 0; k < out.length; k++) out[k] = course.indexOf(conceptIds.get(k));
        return out;
    }

    private static void add(List<List<Integer>> lists, int at, int value) {
        if (lists.get(at) == null) lists.set(at, new ArrayList<>(2));
        lists.get(at).add(value);
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            List<Integer> l = lists.get(i);
            out[i] = l == null ? NONE : l.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Compiles {@code course}; O(V + E). */
    public static PlannerGraph of(CourseGraph course) {
        return new PlannerGraph(course);
    }

    public CourseGraph course() {
        return course;
    }

    /** Number of concepts. */
    public int size() {
        return n;
    }

    public String id(int v) {
        return ids[v];
    }

    /** Index of {@code id}, or -1 when the course has no such concept. */
    public int indexOf(String id) {
        return course.indexOf(id);
    }

    /** Hard prerequisites ({@code requires} parents) of {@code v}. */
    public int[] requires(int v) {
        return requires[v];
    }

    /** Concepts that hard-require {@code v}. */
    public int[] dependents(int v) {
        return dependents[v];
    }

    public int groupCount() {
        return groupConcept.length;
    }

    /** The concept that needs group {@code g}. */
    public int groupConcept(int g) {
        return groupConcept[g];
    }

    /** The alternatives of group {@code g}, any one of which satisfies it. */
    public int[] alternatives(int g) {
        return groupAlternatives[g];
    }

    public String groupId(int g) {
        return groupIds[g];
    }

    /** The anyOf groups {@code v} needs satisfied. */
    public int[] groupsOf(int v) {
        return groupsOf[v];
    }

    /** The anyOf groups in which {@code v} is an alternative. */
    public int[] groupsContaining(int v) {
        return groupsContaining[v];
    }

    /** Concepts with a {@code supports} edge into {@code v}; strengths at the same positions in {@link #supportStrength}. */
    public int[] supportedBy(int v) {
        return supportedBy[v];
    }

    public double[] supportStrength(int v) {
        return supportStrength[v];
    }

    /** Concepts that {@code v} supports. */
    public int[] supportTargets(int v) {
        return supportTargets[v];
    }

    /** Expected minutes for a first-time learner ({@link Concept#learningMinutes()}). */
    public double minutes(int v) {
        return minutes[v];
    }

    public double difficulty(int v) {
        return difficulty[v];
    }

    /** Area (strand) of {@code v} as a small integer; {@link #areaName} gives its name. */
    public int area(int v) {
        return area[v];
    }

    public String areaName(int areaIndex) {
        return areaNames[areaIndex];
    }

    public int areaCount() {
        return areaNames.length;
    }

    /** Position of {@code v} in the course's stable topological order. */
    public int topoPos(int v) {
        return topoPos[v];
    }

    /** The course's stable topological order as indices. */
    public int[] topologicalOrder() {
        return topoOrder;
    }

    /** The edge {@code requires(v)[k] -requires-> v} (shared instance: plans name edges without allocating). */
    public Link.Requires requiresLink(int v, int k) {
        return requiresLinks[v][k];
    }

    /** The edge from the {@code k}-th alternative of group {@code g} to the group's concept. */
    public Link.AnyOf anyOfLink(int g, int k) {
        return anyOfLinks[g][k];
    }

    /** The edge from alternative {@code a} of group {@code g} to the group's concept; null if {@code a} is not one. */
    public Link.AnyOf anyOfLinkFrom(int g, int a) {
        int[] alts = groupAlternatives[g];
        for (int k = 0; k < alts.length; k++) if (alts[k] == a) return anyOfLinks[g][k];
        return null;
    }

    /** {@code concepts} sorted by the course's topological order (a new array). O(k log k). */
    public int[] sortTopologically(int[] concepts) {
        long[] keyed = new long[concepts.length];
        for (int i = 0; i < concepts.length; i++) keyed[i] = ((long) topoPos[concepts[i]] << 32) | concepts[i];
        java.util.Arrays.sort(keyed);
        int[] out = new int[concepts.length];
        for (int i = 0; i < out.length; i++) out[i] = (int) keyed[i];
        return out;
    }

    /** The real edge that makes {@code from} a prerequisite of {@code to}, or null when there is none. */
    public Link prerequisiteLink(int from, int to) {
        for (int u : requires[to]) if (u == from) return new Link.Requires(ids[from], ids[to]);
        for (int g : groupsOf[to]) {
            for (int a : groupAlternatives[g]) if (a == from) return new Link.AnyOf(ids[from], ids[to], groupIds[g]);
        }
        return null;
    }
}
