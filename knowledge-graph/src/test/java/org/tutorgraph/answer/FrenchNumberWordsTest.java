package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchNumberWordsTest {

    @Test
    void readsEveryNumberFromZeroToAHundredInBothSpellings() {
        for (int n = 0; n <= 100; n++) {
            for (boolean reformed : new boolean[]{false, true}) {
                String words = FrenchSpelling.spell(n, reformed);
                assertThat(NumberWords.parse(words)).as(words).hasValue(n);
                // as written in a sentence, with capitals
                assertThat(NumberWords.parse(words.toUpperCase(java.util.Locale.ROOT))).as(words).hasValue(n);
            }
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "une | 1", "vingt et une | 21", "cent un | 101", "deux cents | 200", "deux cent trois | 203",
            "mille | 1000", "deux mille vingt-trois | 2023", "mille deux cents | 1200", "trois cent mille | 300000",
            "un million | 1000000", "deux millions cinq cent mille | 2500000",
            "septante | 70", "septante-sept | 77", "huitante | 80", "octante et un | 81", "nonante-neuf | 99",
            "un demi | 0.5", "une demie | 0.5", "trois quarts | 0.75", "deux tiers | 0.6666666666666666",
            "cinq huitièmes | 0.625", "sept dixièmes | 0.7", "trois centièmes | 0.03",
            "deux et demi | 2.5", "un et trois quarts | 1.75",
            "deux virgule cinq | 2.5", "trois virgule vingt-cinq | 3.25", "zéro virgule zéro cinq | 0.05",
            "moins quatre | -4", "moins trois quarts | -0.75"})
    void readsCardinalsFractionsDecimalsAndSigns(String words, double value) {
        assertThat(NumberWords.parse(words)).as(words).hasValue(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cinq six", "vingt trente", "vingt un", "dix deux", "cent cent", "un cent", "un mille", "cents",
            "millions", "soixante et douze", "quatre vingts deux et", "et", "virgule", "vingt et", "zéro trois", "la moitié"})
    void rejectsWordsInAnOrderNoNumberHas(String words) {
        assertThat(NumberWords.parse(words)).as(words).isEmpty();
    }

    @Test
    void englishStillReadsAsBefore() {
        assertThat(NumberWords.parse("twenty-one")).hasValue(21);
        assertThat(NumberWords.parse("two and three quarters")).hasValue(2.75);
        assertThat(NumberWords.parse("six")).hasValue(6);
    }

    @Test
    void theScannerFindsFrenchNumbersInASentence() {
        var found = NumberScanner.scan("Il reste quatre-vingt-dix-neuf billes, soit cinquante pour cent, et moins trois degrés.");
        assertThat(found).extracting(NumberScanner.Mention::text)
                .containsExactly("quatre-vingt-dix-neuf", "cinquante pour cent", "moins trois");
        assertThat(found).extracting(NumberScanner.Mention::value).containsExactly(99.0, 0.5, -3.0);
        // "moins" between two numbers is a subtraction, as "minus" is
        assertThat(NumberScanner.scan("12 moins cinq")).extracting(NumberScanner.Mention::value).containsExactly(12.0, 5.0);
    }

    @Test
    void aFrenchLearnersAnswerInWordsIsChecked() {
        var item = new org.tutorgraph.graph.Item("x", "Combien font -7 + 12 ?", org.tutorgraph.graph.AnswerType.NUMBER,
                java.util.List.of("5"), java.util.List.of(), 0, java.util.List.of("c"), java.util.List.of(), java.util.List.of());
        assertThat(new AnswerChecker().check(item, "cinq").isCorrect()).isTrue();
        assertThat(new AnswerChecker().check(item, "six").isCorrect()).isFalse();
    }
}
