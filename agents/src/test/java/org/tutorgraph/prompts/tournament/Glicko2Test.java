package org.tutorgraph.prompts.tournament;

import org.junit.jupiter.api.Test;
import org.tutorgraph.prompts.tournament.Glicko2.Game;
import org.tutorgraph.prompts.tournament.Glicko2.Rating;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class Glicko2Test {

    /** Glickman's worked example: 1500/200/0.06 against 1400/30, 1550/100, 1700/300 with results 1, 0, 0 (τ = 0.5). */
    @Test
    void reproducesGlickmansWorkedExample() {
        Rating player = new Rating(1500, 200, 0.06);
        List<Game> games = List.of(
                new Game(new Rating(1400, 30, 0.06), 1),
                new Game(new Rating(1550, 100, 0.06), 0),
                new Game(new Rating(1700, 300, 0.06), 0));
        Rating after = new Glicko2(0.5).update(player, games);
        assertThat(after.rating()).isCloseTo(1464.06, within(0.01));
        assertThat(after.deviation()).isCloseTo(151.52, within(0.01));
        assertThat(after.volatility()).isCloseTo(0.05999, within(0.00001));
    }

    @Test
    void aPeriodWithoutGamesOnlyWidensTheDeviation() {
        Rating before = new Rating(1600, 100, 0.06);
        Rating after = new Glicko2().update(before, List.of());
        assertThat(after.rating()).isEqualTo(1600);
        assertThat(after.volatility()).isEqualTo(0.06);
        assertThat(after.deviation()).isCloseTo(Math.sqrt(100 * 100 + Math.pow(0.06 * Glicko2.SCALE, 2)), within(1e-9));
    }

    @Test
    void winProbabilityIsHalfForEqualsAndComplementary() {
        Rating a = new Rating(1700, 80, 0.06);
        Rating b = new Rating(1500, 120, 0.06);
        assertThat(Glicko2.winProbability(a, a)).isCloseTo(0.5, within(1e-12));
        assertThat(Glicko2.winProbability(a, b) + Glicko2.winProbability(b, a)).isCloseTo(1, within(1e-12));
        assertThat(Glicko2.winProbability(a, b)).isGreaterThan(0.5);
    }

    @Test
    void winningRaisesAndLosingLowersTheRatingWhileTheDeviationShrinks() {
        qt().withFixedSeed(7).forAll(doubles().between(1200, 1800), doubles().between(40, 350), integers().between(1, 12))
                .checkAssert((opponentRating, deviation, n) -> {
                    Rating start = new Rating(1500, deviation, 0.06);
                    Rating opponent = new Rating(opponentRating, 80, 0.06);
                    List<Game> wins = java.util.Collections.nCopies(n, new Game(opponent, 1));
                    List<Game> losses = java.util.Collections.nCopies(n, new Game(opponent, 0));
                    Glicko2 system = new Glicko2();
                    Rating afterWins = system.update(start, wins);
                    Rating afterLosses = system.update(start, losses);
                    assertThat(afterWins.rating()).isGreaterThan(start.rating());
                    assertThat(afterLosses.rating()).isLessThan(start.rating());
                    assertThat(afterWins.deviation()).isLessThan(Math.sqrt(deviation * deviation + Math.pow(0.06 * Glicko2.SCALE, 2)));
                });
    }
}
