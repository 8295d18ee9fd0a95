package org.tutorgraph.session.message;

/**
 * The session continues progress made in an earlier one on the same course: where it resumes. Follows
 * {@link SessionStarted}; changes nothing in the learner model (the replayed log already holds the state), it records
 * for the trace where the learner picked up.
 *
 * @param previousSession the session that made the progress last
 * @param phase           the orchestrator's phase at resume ({@code DIAGNOSING}, {@code TUTORING}, …)
 * @param concept         the concept being tutored, or null
 * @param item            the item open at the time, or null
 * @param level           the item's hint-ladder level (0 before any hint)
 */
public record SessionResumed(String previousSession, String phase, String concept, String item, int level)
        implements SessionMessage {
}
