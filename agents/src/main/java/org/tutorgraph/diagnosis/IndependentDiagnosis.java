package org.tutorgraph.diagnosis;

import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.kt.Evidence;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnosis without the graph: every concept has its own P(mastered), starting at its prior marginal, updated by
 * Bayes' rule from answers on it alone (a question on several concepts updates each as if the others were
 * independent: the mean-field DINA update). Two ways to choose questions:
 * <ul>
 *   <li>adaptive ("per-concept independent tracing"): the question whose answer carries the most information about
 *       its own concepts, {@code H(answer) − E[H(answer | concepts)]} — which, without the graph, simply means the
 *       least certain concept;</li>
 *   <li>fixed ("the full test"): a given list, one question per concept in topological order, until it runs out.</li>
 * </ul>
 * O(Q) per choice for Q questions, O(1) per answer on one concept.
 */
final class IndependentDiagnosis implements DiagnosisSession {

    private final KnowledgeStructure ks;
    private final Probes probes;
    private final List<Probe> fixedOrder;
    private final DiagnosisSettings settings;
    private final double[] p;
    private final EvidenceBook evidence;
    private final int[] asked;
    private final int budget;
    private Probe pending;
    private int questions;
    private int nextFixed;
    private boolean exhausted;

    /** @param fixedOrder the questions to ask in order (the full test), or null to choose adaptively */
    IndependentDiagnosis(KnowledgeStructure ks, Probes probes, double[] priorMarginals, List<Probe> fixedOrder,
                         DiagnosisSettings settings, Clock clock) {
        this.ks = ks;
        this.probes = probes;
        this.fixedOrder = fixedOrder;
        this.settings = settings;
        this.p = priorMarginals.clone();
        for (int c = 0; c < p.length; c++) p[c] = Math.min(1 - 1e-6, Math.max(1e-6, p[c]));
        this.evidence = new EvidenceBook(ks.size(), clock);
        this.asked = new int[probes.all.size()];
        this.budget = fixedOrder != null ? fixedOrder.size() : settings.budgetFor(ks.size());
    }

    @Override
    public Optional<Question> nextQuestion() {
        if (pending != null) return Optional.of(pending.question);
        if (isComplete()) return Optional.empty();
        Probe next;
        if (fixedOrder != null) {
            next = nextFixed < fixedOrder.size() ? fixedOrder.get(nextFixed) : null;
        } else {
            next = mostInformative();
        }
        if (next == null) {
            exhausted = true;
            return Optional.empty();
        }
        pending = next;
        return Optional.of(next.question);
    }

    private Probe mostInformative() {
        Probe best = null;
        double bestGain = 1e-12;
        for (Probe q : probes.all) {
            if (asked[q.index] >= q.maxAsks) continue;
            double all = allMastered(q.concepts);
            double right = all * (1 - q.slip) + (1 - all) * q.guess;
            double gain = InformationGain.exact(right) - all * InformationGain.exact(q.slip) - (1 - all) * InformationGain.exact(q.guess);
            if (gain > bestGain) {
                bestGain = gain;
                best = q;
            }
        }
        return best;
    }

    private double allMastered(int[] cs) {
        double all = 1;
        for (int c : cs) all *= p[c];
        return all;
    }

    @Override
    public void observe(Question question, boolean correct) {
        apply(pending != null && pending.question.id().equals(question.id()) ? pending : probes.resolve(question), correct);
    }

    @Override
    public void observe(String concept, boolean correct) {
        apply(probes.forConcept(concept), correct);
    }

    private void apply(Probe q, boolean correct) {
        double lm = correct ? 1 - q.slip : q.slip;
        double ln = correct ? q.guess : 1 - q.guess;
        double[] next = new double[q.concepts.length];
        for (int k = 0; k < q.concepts.length; k++) {
            int c = q.concepts[k];
            double others = allMastered(q.concepts) / p[c];
            double withC = p[c] * (others * lm + (1 - others) * ln);
            double withoutC = (1 - p[c]) * ln;
            next[k] = withC / (withC + withoutC);
        }
        for (int k = 0; k < q.concepts.length; k++) p[q.concepts[k]] = Math.min(1 - 1e-9, Math.max(1e-9, next[k]));
        evidence.record(q.concepts, correct);
        if (q.index >= 0) asked[q.index]++;
        if (fixedOrder != null && q == pending) nextFixed++;
        if (q == pending) pending = null;
        questions++;
    }

    @Override
    public Map<String, ConceptMastery> mastery() {
        Map<String, ConceptMastery> out = new LinkedHashMap<>();
        for (int c = 0; c < ks.size(); c++) {
            Evidence e = evidence.of(c);
            out.put(ks.id(c), new ConceptMastery(ks.id(c), p[c], e, false));
        }
        return Collections.unmodifiableMap(out);
    }

    double[] marginals() {
        return p.clone();
    }

    @Override
    public boolean isComplete() {
        if (exhausted || questions >= budget) return true;
        return fixedOrder == null && estimatedAccuracy() >= settings.targetAccuracy();
    }

    @Override
    public double estimatedAccuracy() {
        double sum = 0;
        for (double x : p) sum += Math.max(x, 1 - x);
        return sum / p.length;
    }

    @Override
    public int questionsAsked() {
        return questions;
    }
}
