package org.tutorgraph.cli.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VerbatimTest {

    @ParameterizedTest(name = "''{0}'' contains ''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
            "So we get 4x + 12. | 4x+12 | true",
            "the answer is 5. | 5 | true",
            "5 apples | 5 | true",
            "25 apples | 5 | false",
            "5.5 apples | 5 | false",
            "5x apples | 5 | false",
            "x^2 | 2 | false",
            "3/4 of it | 3 | false",
            "x = -35 | 35 | false",
            "12 - 5 = 7 | 5 | true",
            "Check x = 9 here | x=9 | true",
            "8×9 + 27 | x = 9 | true",
            "(6,12) and (6,-12) . | (6,12) and (6,-12) | true",
            "The Distributive Property | distributive property | true"})
    void labelsWholeTokenOccurrences(String text, String answer, boolean expected) {
        assertThat(Verbatim.contains(text, answer)).isEqualTo(expected);
    }
}
