package org.tutorgraph.session.message;

import java.util.List;

/**
 * The diagnosis is over; one {@link MasteryUpdated} per concept of the course follows.
 *
 * @param questions         how many questions were answered
 * @param estimatedAccuracy the belief's own estimate of the mastery map's accuracy
 * @param mastered          the concepts judged mastered (posterior at or above the plan's threshold), in course order
 * @param concepts          how many concepts the course has
 */
public record DiagnosisCompleted(int questions, double estimatedAccuracy, List<String> mastered, int concepts)
        implements SessionMessage {
    public DiagnosisCompleted {
        mastered = List.copyOf(mastered);
    }
}
