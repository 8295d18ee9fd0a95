package org.tutorgraph.graph;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.AsUnmodifiableGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only course graph: concepts and the three kinds of edges between them, held in a JGraphT multigraph,
 * with adjacency lists precomputed for the planner's and the diagnostician's inner loops.
 *
 * <p>Invariant: the prerequisite edges ({@code requires} and {@code anyOf}) form a DAG; the constructor refuses a
 * cycle. Loading a pack through {@code CoursePackLoader} reports cycles as validation problems before that.
 *
 * <p>Built in O(V + E); every query below is O(1) or O(answer size).
 */
public final class CourseGraph {

    private final Map<String, Concept> concepts;
    private final List<Concept> conceptList;
    private final Map<String, Integer> index;
    private final Graph<String, Link> graph;
    private final Map<String, List<String>> requires = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, List<AnyOfGroup>> groupsOf = new HashMap<>();
    private final Map<String, List<AnyOfGroup>> groupsContaining = new HashMap<>();
    private final Map<String, List<Link.Supports>> supportsInto = new HashMap<>();
    private final Map<String, List<Link.Supports>> supportsFrom = new HashMap<>();
    private final List<AnyOfGroup> groups;
    private final List<Link.Requires> requiresLinks;
    private final List<Link.Supports> supportsLinks;
    private final List<String> topologicalOrder;

    private CourseGraph(List<Concept> conceptList, List<Link.Requires> requiresLinks, List<AnyOfGroup> groups,
                        List<Link.Supports> supportsLinks) {
        this.conceptList = List.copyOf(conceptList);
        this.requiresLinks = List.copyOf(requiresLinks);
        this.groups = List.copyOf(groups);
        this.supportsLinks = List.copyOf(supportsLinks);
        Map<String, Concept> byId = new LinkedHashMap<>();
        Map<String, Integer> idx = new HashMap<>();
        DirectedMultigraph<String, Link> g = new DirectedMultigraph<>(null, null, false);
        for (Concept c : conceptList) {
            if (byId.put(c.id(), c) != null) throw new IllegalArgumentException("duplicate concept id: " + c.id());
            idx.put(c.id(), idx.size());
            g.addVertex(c.id());
        }
        this.concepts = Collections.unmodifiableMap(byId);
        this.index = Collections.unmodifiableMap(idx);
        for (Link.Requires r : requiresLinks) {
            addEdge(g, r);
            requires.computeIfAbsent(r.concept(), k -> new ArrayList<>()).add(r.prerequisite());
            dependents.computeIfAbsent(r.prerequisite(), k -> new ArrayList<>()).add(r.concept());
        }
        for (AnyOfGroup group : groups) {
            groupsOf.computeIfAbsent(group.concept(), k -> new ArrayList<>()).add(group);
            for (String alt : group.alternatives()) {
                addEdge(g, new Link.AnyOf(alt, group.concept(), group.id()));
                groupsContaining.computeIfAbsent(alt, k -> new ArrayList<>()).add(group);
            }
        }
        for (Link.Supports s : supportsLinks) {
            addEdge(g, s);
            supportsInto.computeIfAbsent(s.concept(), k -> new ArrayList<>()).add(s);
            supportsFrom.computeIfAbsent(s.supporter(), k -> new ArrayList<>()).add(s);
        }
        this.graph = new AsUnmodifiableGraph<>(g);
        this.topologicalOrder = topologicalSort();
    }

    private void addEdge(Graph<String, Link> g, Link link) {
        if (!concepts.containsKey(link.source()) || !concepts.containsKey(link.target())) {
            throw new IllegalArgumentException("edge names an unknown concept: " + link);
        }
        if (link.source().equals(link.target())) throw new IllegalArgumentException("self-loop: " + link);
        g.addEdge(link.source(), link.target(), link);
    }

    /** Kahn's algorithm over prerequisite links; ties broken by declaration order so the result is stable. */
    private List<String> topologicalSort() {
        int n = conceptList.size();
        int[] indegree = new int[n];
        for (Link link : graph.edgeSet()) {
            if (link.isPrerequisite()) indegree[index.get(link.target())]++;
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.add(i);
        List<String> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            String id = conceptList.get(ready.poll()).id();
            order.add(id);
            for (Link out : graph.outgoingEdgesOf(id)) {
                if (!out.isPrerequisite()) continue;
                int t = index.get(out.target());
                if (--indegree[t] == 0) ready.add(t);
            }
        }
        if (order.size() != n) throw new IllegalArgumentException("the prerequisite edges contain a cycle");
        return Collections.unmodifiableList(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All concepts, in the order they were declared. */
    public List<Concept> concepts() {
        return conceptList;
    }

    public int size() {
        return conceptList.size();
    }

    public boolean contains(String id) {
        return concepts.containsKey(id);
    }

    public Optional<Concept> find(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    /** The concept with this id; throws {@link IllegalArgumentException} naming the id when there is none. */
    public Concept concept(String id) {
        Concept c = concepts.get(id);
        if (c == null) throw new IllegalArgumentException("unknown concept: " + id);
        return c;
    }

    /** Position of the concept in declaration order, for array-based algorithms; -1 when unknown. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** Hard prerequisites of {@code id} (its {@code requires} parents). */
    public List<String> requires(String id) {
        return requires.getOrDefault(id, List.of());
    }

    /** Concepts that hard-require {@code id}. */
    public List<String> dependents(String id) {
        return dependents.getOrDefault(id, List.of());
    }

    /** The anyOf groups {@code id} needs satisfied. */
    public List<AnyOfGroup> anyOfGroups(String id) {
        return groupsOf.getOrDefault(id, List.of());
    }

    /** The anyOf groups in which {@code id} is one of the alternatives. */
    public List<AnyOfGroup> groupsContaining(String id) {
        return groupsContaining.getOrDefault(id, List.of());
    }

    /** Every concept that must or may come before {@code id}: its requires parents and every anyOf alternative. */
    public List<String> prerequisiteParents(String id) {
        List<AnyOfGroup> gs = anyOfGroups(id);
        if (gs.isEmpty()) return requires(id);
        List<String> all = new ArrayList<>(requires(id));
        for (AnyOfGroup group : gs) all.addAll(group.alternatives());
        return all;
    }

    /** Every concept that {@code id} is a requires parent or an anyOf alternative of. */
    public List<String> prerequisiteChildren(String id) {
        List<AnyOfGroup> gs = groupsContaining(id);
        if (gs.isEmpty()) return dependents(id);
        List<String> all = new ArrayList<>(dependents(id));
        for (AnyOfGroup group : gs) all.add(group.concept());
        return all;
    }

    /** Soft edges into {@code id}. */
    public List<Link.Supports> supportsInto(String id) {
        return supportsInto.getOrDefault(id, List.of());
    }

    /** Soft edges out of {@code id}. */
    public List<Link.Supports> supportsFrom(String id) {
        return supportsFrom.getOrDefault(id, List.of());
    }

    public List<Link.Requires> requiresLinks() {
        return requiresLinks;
    }

    public List<AnyOfGroup> anyOfGroups() {
        return groups;
    }

    public List<Link.Supports> supportsLinks() {
        return supportsLinks;
    }

    /** A read-only JGraphT view of every edge (requires, anyOf alternatives, supports). */
    public Graph<String, Link> asGraph() {
        return graph;
    }

    /** A topological order of all concepts over the prerequisite edges, stable with respect to declaration order. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** Collects the parts of a graph; {@link #build()} checks ids and acyclicity. */
    public static final class Builder {
        private final List<Concept> concepts = new ArrayList<>();
        private final List<Link.Requires> requires = new ArrayList<>();
        private final List<AnyOfGroup> groups = new ArrayList<>();
        private final List<Link.Supports> supports = new ArrayList<>();

        public Builder concept(Concept c) {
            concepts.add(c);
            return this;
        }

        public Builder requires(String prerequisite, String concept) {
            requires.add(new Link.Requires(prerequisite, concept));
            return this;
        }

        public Builder anyOf(AnyOfGroup group) {
            groups.add(group);
            return this;
        }

        /** Adds an anyOf group with an id of the form {@code concept#n}. */
        public Builder anyOf(String concept, List<String> alternatives) {
            long n = groups.stream().filter(g -> g.concept().equals(concept)).count() + 1;
            groups.add(new AnyOfGroup(concept + "#" + n, concept, alternatives));
            return this;
        }

        public Builder supports(String supporter, String concept, double strength) {
            supports.add(new Link.Supports(supporter, concept, strength));
            return this;
        }

        public CourseGraph build() {
            return new CourseGraph(concepts, requires, groups, supports);
        }
    }

}
