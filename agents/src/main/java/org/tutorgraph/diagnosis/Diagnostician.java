package org.tutorgraph.diagnosis;

import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.ConceptMastery;
import org.tutorgraph.kt.ConceptParams;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.kt.TracingFile;
import org.tutorgraph.kt.Tracer;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * "What does this learner know, and how sure are we?" — the Diagnostician's computations, free of messaging and of
 * any language model. A session orchestrator wraps it: {@link #startDiagnosis} places a new learner on the course
 * graph with few questions ({@link DiagnosisSession}); {@link #tracer} keeps tracing each answer afterwards.
 *
 * <p>Answers are modelled with each concept's BKT slip and guess ({@link ConceptParams}: a pack's
 * {@code tracing.json} when present, see {@link org.tutorgraph.kt.TracingFile}; otherwise slip 0.1, guess 0.2).
 * The prior over knowledge states is the {@link LevelPrior}; the belief is a {@link ParticleBelief}; questions are
 * chosen by {@link InformationGain}. See {@link GraphDiagnosis} for the algorithm and its cost.
 */
public final class Diagnostician {

    private final DiagnosisSettings settings;
    private final ConceptParams params;
    private final Clock clock;

    public Diagnostician(DiagnosisSettings settings, ConceptParams params, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.params = Objects.requireNonNull(params, "params");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Diagnostician(DiagnosisSettings settings, ConceptParams params) {
        this(settings, params, Clock.systemUTC());
    }

    /**
     * A Diagnostician for a course pack: the BKT parameters come from the pack's {@code tracing.json} when it has one
     * (written by {@code tutor kt attach}), the defaults otherwise.
     *
     * @throws LogFormatException when the pack's {@code tracing.json} is malformed (file and problem named)
     */
    public static Diagnostician forPack(CoursePack pack, DiagnosisSettings settings) throws IOException, LogFormatException {
        return new Diagnostician(settings, TracingFile.read(pack.source()));
    }

    /** Default settings, default BKT parameters. */
    public static Diagnostician withDefaults() {
        return new Diagnostician(DiagnosisSettings.defaults(), ConceptParams.defaults());
    }

    public DiagnosisSettings settings() {
        return settings;
    }

    public ConceptParams params() {
        return params;
    }

    /** A diagnosis on a course: its items are the questions (abstract probes for concepts without items). */
    public DiagnosisSession startDiagnosis(CoursePack pack, PriorEvidence evidence) {
        return start(pack.graph(), pack.items(), evidence, Strategy.GRAPH_ADAPTIVE);
    }

    /** A diagnosis on a bare graph (no items): every question is an abstract probe of a concept. */
    public DiagnosisSession startDiagnosis(CourseGraph graph, PriorEvidence evidence) {
        return start(graph, List.of(), evidence, Strategy.GRAPH_ADAPTIVE);
    }

    /** A session of any strategy (the benchmark's baselines included). */
    public DiagnosisSession start(CourseGraph graph, List<Item> items, PriorEvidence evidence, Strategy strategy) {
        KnowledgeStructure ks = KnowledgeStructure.of(graph);
        return start(ks, Probes.of(ks, items, params, settings), evidence, strategy, settings.seed());
    }

    DiagnosisSession start(KnowledgeStructure ks, Probes probes, PriorEvidence evidence, Strategy strategy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LevelPrior prior = new LevelPrior(ks, settings.steepness());
        ParticleBelief belief = new ParticleBelief(ks, prior, settings.particles(), random.split());
        applyEvidence(ks, probes, belief, evidence);
        return switch (strategy) {
            case GRAPH_ADAPTIVE -> new GraphDiagnosis(ks, probes, belief, settings, Selection.INFORMATION_GAIN, random.split(), clock);
            case RANDOM_ORDER -> new GraphDiagnosis(ks, probes, belief, settings, Selection.RANDOM, random.split(), clock);
            case INDEPENDENT_TRACING -> independent(ks, probes, belief, evidence, null);
            case FULL_TEST -> independent(ks, probes, belief, evidence, probes.onePerConcept(settings.abstractProbes()));
        };
    }

    private DiagnosisSession independent(KnowledgeStructure ks, Probes probes, ParticleBelief belief, PriorEvidence evidence,
                                         List<Probe> order) {
        double[] marginals = new double[ks.size()];
        // With prior evidence the belief already holds it (propagated); the independent baselines start from its marginals.
        for (int c = 0; c < marginals.length; c++) marginals[c] = belief.marginal(c);
        return new IndependentDiagnosis(ks, probes, marginals, order, settings, clock);
    }

    private void applyEvidence(KnowledgeStructure ks, Probes probes, ParticleBelief belief, PriorEvidence evidence) {
        if (evidence.isEmpty()) return;
        double m = belief.particles();
        boolean any = false;
        for (Map.Entry<String, Double> e : evidence.posteriors().entrySet()) {
            int c = ks.indexOf(e.getKey());
            if (c < 0) continue;
            double p = clamp(e.getValue());
            double p0 = clamp((belief.count(c) + 0.5) / (m + 1));
            belief.addSoftEvidence(c, logit(p) - logit(p0));
            any = true;
        }
        if (any) belief.settle(settings.movesPerParticle());
        for (PriorEvidence.PastAnswer a : evidence.answers()) {
            List<String> known = a.concepts().stream().filter(c -> ks.indexOf(c) >= 0).toList();
            if (known.isEmpty()) continue;
            Probe p = probes.resolve(new Question("past:" + String.join("+", known), known, java.util.Optional.empty()));
            belief.observe(p, a.correct(), settings.movesPerParticle());
        }
    }

    private static double clamp(double p) {
        return Math.min(0.999, Math.max(0.001, p));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** Online tracing after the diagnosis, starting from its posteriors. */
    public Tracer tracer(Map<String, ConceptMastery> start) {
        return Tracer.continuing(params, start, clock);
    }
}
