package org.tutorgraph.diagnosis;

import org.tutorgraph.learner.Mastery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about a learner before the diagnosis starts.
 *
 * @param answers    graded answers from earlier sessions, each on one or more concepts
 * @param posteriors P(mastered) per concept from earlier tracing; taken as soft evidence so that, alone, it would
 *                   move the concept's marginal to exactly that value (the graph then propagates it)
 */
public record PriorEvidence(List<PastAnswer> answers, Map<String, Double> posteriors) {

    /** One earlier answer: correct or not, on a question assessing {@code concepts}. */
    public record PastAnswer(List<String> concepts, boolean correct) {
        public PastAnswer {
            concepts = List.copyOf(concepts);
        }
    }

    public PriorEvidence {
        answers = List.copyOf(answers);
        posteriors = Map.copyOf(posteriors);
    }

    public static PriorEvidence none() {
        return new PriorEvidence(List.of(), Map.of());
    }

    /** The learner store's mastery rows that rest on at least one answer. */
    public static PriorEvidence fromStore(Collection<Mastery> rows) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (Mastery m : rows) if (m.evidence() > 0) p.put(m.concept(), m.posterior());
        return new PriorEvidence(List.of(), p);
    }

    public boolean isEmpty() {
        return answers.isEmpty() && posteriors.isEmpty();
    }
}
