package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.levenshtein("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.levenshtein("slope", "slope", 0)).isZero();
        assertThat(EditDistance.levenshtein("", "abc", 5)).isEqualTo(3);
    }

    @Test
    void aSwapOfNeighboursIsOneEditOnlyWhenTranspositionsCount() {
        assertThat(EditDistance.levenshtein("teh", "the", 5)).isEqualTo(2);
        assertThat(EditDistance.withTranspositions("teh", "the", 5)).isEqualTo(1);
    }

    @Test
    void givesUpJustAboveTheLimit() {
        assertThat(EditDistance.levenshtein("abcdef", "uvwxyz", 2)).isEqualTo(3);
        assertThat(EditDistance.withTranspositions("abcdef", "uvwxyz", 2)).isEqualTo(3);
    }
}
