package org.tutorgraph.diagnosis;

import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.kt.Evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Graph-aware adaptive diagnosis (knowledge space theory, as in ALEKS' assessment): the belief over knowledge
 * states is a {@link ParticleBelief} that respects every prerequisite; the next question is the one with the largest
 * {@link InformationGain expected information gain} about the mastery map (or a random one, for the baseline); the
 * session stops when the belief's estimated map accuracy reaches the target, the budget is spent, or no question
 * can still change the map.
 *
 * <p><b>Cost per question</b>: choosing is O(Q × U × M/64) word operations for Q available questions, U uncertain
 * concepts and M particles; updating is O(M × (moves + n/64 + E/n)) (see {@link ParticleBelief}). With M = 1024 and
 * the 381 Common Core standards this is a few milliseconds. The learner's state is assumed not to change during the
 * diagnosis (no feedback is given); learning afterwards is the {@link org.tutorgraph.kt.Tracer}'s business.
 */
final class GraphDiagnosis implements DiagnosisSession {

    private final KnowledgeStructure ks;
    private final Probes probes;
    private final ParticleBelief belief;
    private final DiagnosisSettings settings;
    private final Selection selection;
    private final SplittableRandom random;
    private final EvidenceBook evidence;
    private final int budget;
    private final int[] asked;
    private final long[] scratch;
    private Probe pending;
    private boolean exhausted;
    private int questions;

    GraphDiagnosis(KnowledgeStructure ks, Probes probes, ParticleBelief belief, DiagnosisSettings settings,
                   Selection selection, SplittableRandom random, Clock clock) {
        this.ks = ks;
        this.probes = probes;
        this.belief = belief;
        this.settings = settings;
        this.selection = selection;
        this.random = random;
        this.evidence = new EvidenceBook(ks.size(), clock);
        this.budget = settings.budgetFor(ks.size());
        this.asked = new int[probes.all.size()];
        this.scratch = new long[belief.particles() / 64];
    }

    @Override
    public Optional<Question> nextQuestion() {
        if (pending != null) return Optional.of(pending.question);
        if (isComplete()) return Optional.empty();
        Probe next = selection == Selection.RANDOM ? randomProbe() : bestProbe();
        if (next == null) {
            exhausted = true;
            return Optional.empty();
        }
        pending = next;
        return Optional.of(next.question);
    }

    private boolean available(Probe p) {
        return asked[p.index] < p.maxAsks;
    }

    private Probe bestProbe() {
        double baseline = InformationGain.mapEntropy(belief);
        Probe best = null;
        double bestGain = 1e-9;
        for (Probe p : probes.all) {
            if (!available(p)) continue;
            double g = InformationGain.gain(belief, p, scratch, baseline);
            if (g > bestGain) {
                bestGain = g;
                best = p;
            }
        }
        return best;
    }

    private Probe randomProbe() {
        List<Probe> open = new ArrayList<>();
        for (Probe p : probes.all) if (available(p) && asked[p.index] == 0) open.add(p);
        if (open.isEmpty()) for (Probe p : probes.all) if (available(p)) open.add(p);
        return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    }

    @Override
    public void observe(Question question, boolean correct) {
        apply(pending != null && pending.question.id().equals(question.id()) ? pending : probes.resolve(question), correct);
    }

    @Override
    public void observe(String concept, boolean correct) {
        Probe p = pending != null && pending.concepts.length == 1 && ks.id(pending.concepts[0]).equals(concept)
                ? pending : probes.forConcept(concept);
        apply(p, correct);
    }

    private void apply(Probe p, boolean correct) {
        belief.observe(p, correct, settings.movesPerParticle());
        evidence.record(p.concepts, correct);
        if (p.index >= 0) asked[p.index]++;
        if (p == pending) pending = null;
        questions++;
        exhausted = false;
    }

    @Override
    public Map<String, ConceptMastery> mastery() {
        Map<String, ConceptMastery> out = new LinkedHashMap<>();
        double m = belief.particles();
        for (int c = 0; c < ks.size(); c++) {
            // Reported with a half-particle of smoothing, so that a finite sample never claims certainty.
            double p = (belief.count(c) + 0.5) / (m + 1);
            Evidence e = evidence.of(c);
            out.put(ks.id(c), new ConceptMastery(ks.id(c), p, e, e.answers() == 0));
        }
        return Collections.unmodifiableMap(out);
    }

    /** P(mastered) per concept index, unsmoothed, for the benchmark. */
    double[] marginals() {
        double[] p = new double[ks.size()];
        for (int c = 0; c < p.length; c++) p[c] = belief.marginal(c);
        return p;
    }

    @Override
    public boolean isComplete() {
        return exhausted || questions >= budget || estimatedAccuracy() >= settings.targetAccuracy();
    }

    @Override
    public double estimatedAccuracy() {
        double sum = 0;
        for (int c = 0; c < ks.size(); c++) {
            double p = belief.marginal(c);
            sum += Math.max(p, 1 - p);
        }
        return sum / ks.size();
    }

    @Override
    public int questionsAsked() {
        return questions;
    }
}
