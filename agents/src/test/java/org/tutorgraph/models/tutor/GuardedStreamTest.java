package org.tutorgraph.models.tutor;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Sentence-by-sentence release through the guard: nothing shown ever leaks; a clean message is shown whole. */
class GuardedStreamTest {

    private static final String SECRET = "42";

    private static List<String> split(String text, long seed) {
        Random r = new Random(seed);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int n = 1 + r.nextInt(6);
            tokens.add(text.substring(i, Math.min(text.length(), i + n)));
            i += n;
        }
        return tokens;
    }

    @Test
    void releasesWholeSentencesAsTheyComplete() {
        List<String> seen = new ArrayList<>();
        GuardedStream g = new GuardedStream(t -> t.contains(SECRET), seen::add);
        for (String t : List.of("Start at ", "-7. Which ", "way do you ", "move? ", "Think of ", "the line")) g.accept(t);
        assertThat(seen).containsExactly("Start at -7. ", "Which way do you move? ");
        g.finish();
        assertThat(seen).containsExactly("Start at -7. ", "Which way do you move? ", "Think of the line");
        assertThat(g.shown()).isEqualTo("Start at -7. Which way do you move? Think of the line");
    }

    @Test
    void stopsAtTheLeakingSentenceAndShowsNothingOfIt() {
        List<String> seen = new ArrayList<>();
        GuardedStream g = new GuardedStream(t -> t.contains(SECRET), seen::add);
        boolean more = true;
        for (String t : List.of("Good try. ", "The answer ", "is 4", "2. ", "Now check.")) more = more && g.accept(t);
        assertThat(more).isFalse();
        assertThat(g.leaked()).isTrue();
        assertThat(seen).containsExactly("Good try. ");
        g.finish();
        assertThat(g.shown()).isEqualTo("Good try. ");
    }

    @Test
    void leakAcrossSentencesIsJudgedOnEverythingShown() {
        // the guard sees the whole text so far: "4" alone is clean, "4. 2" is not (a toy guard that ignores ". ")
        List<String> seen = new ArrayList<>();
        GuardedStream g = new GuardedStream(t -> t.replace(". ", "").contains(SECRET), seen::add);
        for (String t : List.of("It is 4. ", "2 more steps. ", "Done.")) g.accept(t);
        g.finish();
        assertThat(seen).containsExactly("It is 4. ");
    }

    @Test
    void decimalsAndAbbreviationsDoNotSplitNumbers() {
        assertThat(GuardedStream.lastSentenceEnd("The value 0.5 is")).isEqualTo(0);
        assertThat(GuardedStream.lastSentenceEnd("Try it. Now")).isEqualTo(8);
        assertThat(GuardedStream.lastSentenceEnd("Try it. ")).isEqualTo(0);
        assertThat(GuardedStream.lastSentenceEnd("Line one\nLine")).isEqualTo(9);
    }

    @Test
    void whateverTheSplitNothingShownLeaksAndCleanTextIsShownWhole() {
        Gen<String> pieces = Generate.pick(List.of("Think. ", "4", "2", " ", "What is 4 + 1? ", "x", "\n", "0.5 ", "Yes! ", "42"));
        qt().withFixedSeed(20_241_122L).withExamples(2_000)
                .forAll(lists().of(pieces).ofSizeBetween(0, 12), integers().between(0, 1_000_000))
                .checkAssert((parts, seed) -> {
                    String text = String.join("", parts);
                    StringBuilder released = new StringBuilder();
                    GuardedStream g = new GuardedStream(t -> t.contains(SECRET), released::append);
                    for (String t : split(text, seed)) {
                        if (!g.accept(t)) break;
                    }
                    g.finish();
                    assertThat(released.toString()).isEqualTo(g.shown());
                    assertThat(g.shown()).doesNotContain(SECRET);
                    assertThat(text).startsWith(g.shown());
                    if (!text.contains(SECRET)) assertThat(g.shown()).isEqualTo(text);
                    else assertThat(g.leaked()).isTrue();
                });
    }
}
