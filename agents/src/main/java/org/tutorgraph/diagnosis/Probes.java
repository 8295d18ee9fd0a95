package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.ConceptParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions a diagnosis may ask: every item of the course (asked once each) and, for concepts without an item,
 * an abstract probe (asked up to {@link DiagnosisSettings#maxAsksPerConcept()} times). A question's slip and guess
 * are the means of its concepts' BKT slip and guess. Shared by the sessions of one graph (the benchmark's threads
 * included): probes made on demand for unknown questions go into a concurrent map.
 */
final class Probes {

    final List<Probe> all;
    private final Map<String, Probe> byId;
    private final KnowledgeStructure ks;
    private final ConceptParams params;
    private final int maxAsks;

    private Probes(List<Probe> all, KnowledgeStructure ks, ConceptParams params, int maxAsks) {
        this.all = List.copyOf(all);
        this.byId = new java.util.concurrent.ConcurrentHashMap<>();
        for (Probe p : all) byId.put(p.question.id(), p);
        this.ks = ks;
        this.params = params;
        this.maxAsks = maxAsks;
    }

    static Probes of(KnowledgeStructure ks, List<Item> items, ConceptParams params, DiagnosisSettings settings) {
        List<Probe> probes = new ArrayList<>();
        boolean[] covered = new boolean[ks.size()];
        for (Item item : items) {
            List<Integer> idx = new ArrayList<>();
            for (String c : item.concepts()) {
                int i = ks.indexOf(c);
                if (i >= 0 && !idx.contains(i)) idx.add(i);
            }
            if (idx.isEmpty()) continue;
            int[] cs = idx.stream().mapToInt(Integer::intValue).toArray();
            for (int c : cs) covered[c] = true;
            probes.add(probe(probes.size(), new Question(item.id(), names(ks, cs), Optional.of(item)), cs, params, 1, ks));
        }
        boolean abstracts = settings.abstractProbes() || items.isEmpty();
        if (abstracts) {
            for (int c = 0; c < ks.size(); c++) {
                if (covered[c]) continue;
                probes.add(abstractProbe(probes.size(), ks, c, params, settings.maxAsksPerConcept()));
            }
        }
        return new Probes(probes, ks, params, settings.maxAsksPerConcept());
    }

    private static List<String> names(KnowledgeStructure ks, int[] cs) {
        List<String> out = new ArrayList<>(cs.length);
        for (int c : cs) out.add(ks.id(c));
        return out;
    }

    private static Probe probe(int index, Question q, int[] cs, ConceptParams params, int maxAsks, KnowledgeStructure ks) {
        double slip = 0;
        double guess = 0;
        for (int c : cs) {
            BktParams p = params.of(ks.id(c));
            slip += p.slip();
            guess += p.guess();
        }
        slip = clamp(slip / cs.length);
        guess = clamp(guess / cs.length);
        return new Probe(index, q, cs, slip, guess, maxAsks);
    }

    private static double clamp(double p) {
        return Math.min(0.999, Math.max(0.001, p));
    }

    static Probe abstractProbe(int index, KnowledgeStructure ks, int c, ConceptParams params, int maxAsks) {
        String id = ks.id(c);
        return probe(index, new Question(Question.probeId(id), List.of(id), Optional.empty()), new int[]{c}, params, maxAsks, ks);
    }

    /** The probe of a question: a known one by id, else one built for the question's concepts (not offered later). */
    Probe resolve(Question q) {
        Probe p = byId.get(q.id());
        if (p != null) return p;
        List<Integer> idx = new ArrayList<>();
        for (String c : q.concepts()) {
            int i = ks.indexOf(c);
            if (i < 0) throw new IllegalArgumentException("the question names a concept that is not in the graph: " + c);
            if (!idx.contains(i)) idx.add(i);
        }
        Probe made = probe(-1, q, idx.stream().mapToInt(Integer::intValue).toArray(), params, maxAsks, ks);
        Probe earlier = byId.putIfAbsent(q.id(), made);
        return earlier != null ? earlier : made;
    }

    /** The abstract probe of {@code concept} (existing or made on demand). */
    Probe forConcept(String concept) {
        int c = ks.indexOf(concept);
        if (c < 0) throw new IllegalArgumentException("unknown concept: " + concept);
        Probe p = byId.get(Question.probeId(concept));
        if (p != null) return p;
        return resolve(new Question(Question.probeId(concept), List.of(concept), Optional.empty()));
    }

    /**
     * One question per concept, in topological order: an item whose first concept it is; otherwise an abstract probe
     * of it (when abstract probes are allowed); otherwise an item that assesses it, if not already in the list.
     */
    List<Probe> onePerConcept(boolean abstractAllowed) {
        Map<Integer, Probe> first = new LinkedHashMap<>();
        Map<Integer, Probe> any = new HashMap<>();
        for (Probe p : all) {
            if (p.question.item().isPresent()) first.putIfAbsent(p.concepts[0], p);
            for (int c : p.concepts) any.putIfAbsent(c, p);
        }
        List<Probe> out = new ArrayList<>();
        java.util.Set<Probe> used = new java.util.HashSet<>();
        for (int c : ks.topological()) {
            Probe p = first.get(c);
            if (p == null && abstractAllowed) p = forConcept(ks.id(c));
            if (p == null) p = any.get(c);
            if (p != null && used.add(p)) out.add(p);
        }
        return out;
    }
}
