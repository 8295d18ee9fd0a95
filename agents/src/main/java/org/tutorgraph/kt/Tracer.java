package org.tutorgraph.kt;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Online knowledge tracing of one learner, concept by concept: what the Diagnostician keeps doing after a diagnosis,
 * as graded answers arrive. Each concept follows its own BKT model (parameters from {@link ConceptParams}); the state
 * starts from the diagnosis' posterior when one is given, from the parameters' prior otherwise.
 *
 * <p>{@link #observe} and {@link #predictCorrect} are O(1) (one hash lookup). Not thread-safe: one tracer per learner
 * session. It only computes; persisting the resulting mastery is the learner model's job.
 */
public final class Tracer {

    private final ConceptParams params;
    private final Clock clock;
    private final Map<String, TraceState> states = new LinkedHashMap<>();

    public Tracer(ConceptParams params, Clock clock) {
        this.params = Objects.requireNonNull(params, "params");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Tracer(ConceptParams params) {
        this(params, Clock.systemUTC());
    }

    /**
     * A tracer that continues from earlier posteriors (a finished diagnosis, or mastery read back from the store):
     * each concept's P(known) starts at its posterior, and its evidence carries over.
     */
    public static Tracer continuing(ConceptParams params, Map<String, ConceptMastery> start, Clock clock) {
        Tracer tracer = new Tracer(params, clock);
        for (ConceptMastery m : start.values()) {
            tracer.states.put(m.concept(), new TraceState(m.posterior(), m.evidence()));
        }
        return tracer;
    }

    private TraceState state(String concept) {
        TraceState s = states.get(concept);
        return s != null ? s : TraceState.initial(params.of(concept));
    }

    /** P(the next answer on {@code concept} is correct). */
    public double predictCorrect(String concept) {
        TraceState s = state(concept);
        return params.of(concept).predictCorrect(s.pKnown(), s.pUnknown());
    }

    /** Takes one graded answer into account and returns the concept's new mastery. */
    public ConceptMastery observe(String concept, boolean correct) {
        TraceState next = state(concept).next(params.of(concept), correct, clock.instant());
        states.put(concept, next);
        return new ConceptMastery(concept, next.pKnown(), next.evidence(), false);
    }

    /** The current mastery of {@code concept} (its prior when nothing was observed). */
    public ConceptMastery mastery(String concept) {
        TraceState s = state(concept);
        return new ConceptMastery(concept, s.pKnown(), s.evidence(), false);
    }

    /** The mastery of every concept seen so far (observed or given at the start). */
    public Map<String, ConceptMastery> mastery() {
        Map<String, ConceptMastery> out = new LinkedHashMap<>();
        for (String c : states.keySet()) out.put(c, mastery(c));
        return Collections.unmodifiableMap(out);
    }
}
