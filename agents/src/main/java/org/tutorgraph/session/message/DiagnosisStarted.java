package org.tutorgraph.session.message;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Diagnostician starts placing the learner on the course graph. Everything the diagnosis depends on is here, so
 * that replaying this message and the answers after it rebuilds the same particle belief and asks the same questions.
 *
 * @param seed           seed of the belief's sampling
 * @param budget         the most questions it will ask
 * @param targetAccuracy it stops when its own estimate of the mastery map's accuracy reaches this
 * @param prior          P(mastered) per concept from earlier evidence (soft evidence; sorted by concept id)
 */
public record DiagnosisStarted(long seed, int budget, double targetAccuracy, Map<String, Double> prior)
        implements SessionMessage {
    public DiagnosisStarted {
        prior = prior == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(prior));
        if (budget < 1) throw new IllegalArgumentException("budget must be at least 1");
    }
}
