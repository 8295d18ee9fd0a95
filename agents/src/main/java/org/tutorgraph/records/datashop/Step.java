package org.tutorgraph.records.datashop;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step of a learner, as a row of DataShop's student-step rollup: the learner's work on one item (or one diagnosis
 * question) from the moment it was shown to the last action on it.
 *
 * @param student         the learner id
 * @param hierarchy       where the problem sits: {@code Course C, Concept K} or {@code Course C, Diagnosis}
 * @param problem         the item (or diagnosis question) id
 * @param problemView     1 the first time the learner saw this problem in practice, 2 the second, …
 * @param stepName        the step: the item id again (tutorgraph items are single-step problems)
 * @param start           when the problem was shown
 * @param firstTransaction when the learner first acted on it (an answer or a hint request)
 * @param correctTransaction when it was first answered right, or null
 * @param end             the last action on it
 * @param correctFirstAttempt whether the first action was a right answer (a hint request first counts as wrong)
 * @param incorrects      wrong answers
 * @param hints           hint requests ({@code /hint}, "I don't know")
 * @param corrects        right answers
 * @param kcs             the knowledge components: the concepts the item assesses
 * @param opportunities   per KC, how many steps of this learner on it so far, this one included
 */
public record Step(String student, String hierarchy, String problem, int problemView, String stepName, Instant start,
                   Instant firstTransaction, Instant correctTransaction, Instant end, boolean correctFirstAttempt,
                   int incorrects, int hints, int corrects, List<String> kcs, List<Integer> opportunities) {
    public Step {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(firstTransaction, "firstTransaction");
        Objects.requireNonNull(end, "end");
        kcs = List.copyOf(kcs);
        opportunities = List.copyOf(opportunities);
        if (kcs.size() != opportunities.size()) throw new IllegalArgumentException("one opportunity count per KC");
    }
}
