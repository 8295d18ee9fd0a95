package org.tutorgraph.prompts.tournament;

/**
 * A variant's place after the tournament (overall, or for one criterion).
 *
 * @param variant the variant's name
 * @param rating  its Glicko-2 rating
 * @param wins    games won
 * @param ties    games tied
 * @param losses  games lost
 */
public record Standing(String variant, Glicko2.Rating rating, int wins, int ties, int losses) {
    public int games() {
        return wins + ties + losses;
    }
}
