package org.tutorgraph.kt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * BKT parameters per concept, with a fallback for concepts that have none (usually {@link BktParams#DEFAULT}).
 * Filled from a course pack's {@code tracing.json} (see {@link TracingFile}) or from a fit. Immutable.
 */
public final class ConceptParams {

    private final Map<String, BktParams> byConcept;
    private final BktParams fallback;

    public ConceptParams(Map<String, BktParams> byConcept, BktParams fallback) {
        this.byConcept = Collections.unmodifiableMap(new LinkedHashMap<>(byConcept));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** No fitted parameters: every concept uses {@link BktParams#DEFAULT}. */
    public static ConceptParams defaults() {
        return new ConceptParams(Map.of(), BktParams.DEFAULT);
    }

    /** The parameters of {@code concept}, or the fallback. */
    public BktParams of(String concept) {
        return byConcept.getOrDefault(concept, fallback);
    }

    /** Whether {@code concept} has its own (fitted) parameters. */
    public boolean hasOwn(String concept) {
        return byConcept.containsKey(concept);
    }

    public BktParams fallback() {
        return fallback;
    }

    /** The concepts with their own parameters, in insertion order. */
    public Map<String, BktParams> asMap() {
        return byConcept;
    }
}
