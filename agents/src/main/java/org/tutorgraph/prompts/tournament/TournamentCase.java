package org.tutorgraph.prompts.tournament;

import org.tutorgraph.prompts.TutorSituation;

/**
 * One learner situation of a tournament: every variant phrases the tutor's next turn for it, and the judges
 * compare the turns.
 *
 * @param id        unique in its case file
 * @param situation the item, attempt, misconception, rung and the rest the tutor templates receive
 */
public record TournamentCase(String id, TutorSituation situation) {
}
