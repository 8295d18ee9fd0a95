package org.tutorgraph.tutor;

import java.util.List;

/**
 * How one guarded tutor message is produced: {@link GuardedVoice#speak} says it whole; a streaming voice shows its words
 * as they are generated (same guard, same fallbacks). The session passes one per turn to
 * {@link TutorEngine#respond(TutorContext, LadderState, StudentInput, Speech)} so that the engine's rules (grading,
 * ladder, teacher move) stay the same whichever way the words reach the learner.
 */
@FunctionalInterface
public interface Speech {

    /**
     * Phrases {@code request} and guards it at ladder level {@code level} (0 to 4; nothing is protected at 4).
     *
     * @param learnerSaid what the learner typed on this step (quoting it is not a leak)
     */
    GuardedVoice.Spoken speak(Phrasing request, int level, List<String> learnerSaid);
}
