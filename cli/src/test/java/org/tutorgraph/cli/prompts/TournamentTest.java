package org.tutorgraph.cli.prompts;

import java.nio.file.Path;

/** Shared fixtures of the tournament tests. */
final class TournamentTest {
    static final Path VARIANTS = Path.of("src/test/resources/tournament/variants");

    private TournamentTest() {
    }
}
