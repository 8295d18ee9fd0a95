package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NumberWordsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "zero | 0", "five | 5", "Twelve | 12", "twenty-one | 21", "twenty one | 21", "ninety-nine | 99",
            "a hundred | 100", "one hundred and five | 105", "three thousand two hundred | 3200",
            "two thousand and twelve | 2012", "one million | 1000000",
            "one half | 0.5", "a half | 0.5", "three quarters | 0.75", "three fourths | 0.75", "three fourth | 0.75",
            "two thirds | 0.6666666666666666", "five eighths | 0.625", "seven tenths | 0.7",
            "one and a half | 1.5", "two and three quarters | 2.75",
            "two point five | 2.5", "negative four | -4", "minus seven | -7", "negative one half | -0.5"})
    void readsNumberWords(String text, double value) {
        assertThat(NumberWords.parse(text)).hasValueCloseTo(value, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"five six", "twenty thirty", "the third", "half", "third", "hundred hundred", "and five",
            "five and", "banana", "", "a", "zero zero", "point five"})
    void refusesWordsThatAreNotOneNumber(String text) {
        assertThat(NumberWords.parse(text)).isEmpty();
    }

    @Test
    void knowsWhichWordsCanStartANumber() {
        assertThat(NumberWords.isNumberWord("Seventy")).isTrue();
        assertThat(NumberWords.isNumberWord("quarters")).isTrue();
        assertThat(NumberWords.isNumberWord("slope")).isFalse();
    }
}
