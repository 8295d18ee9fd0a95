package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The content test's leak detector finds an answer in each form it promises, and stays quiet on honest hints. */
class LeakProbeTest {

    private static Item item(AnswerType type, List<String> answers, List<String> choices) {
        return new Item("t", "prompt", type, answers, choices, 0, List.of("c"), List.of(), List.of());
    }

    private static LeakProbe number(String... answers) {
        return LeakProbe.forAnswer(item(AnswerType.NUMBER, List.of(answers), List.of()));
    }

    @Test
    void findsAFractionAnswerInEveryNumericForm() {
        LeakProbe p = number("3/4");
        for (String leak : List.of("It is 3/4.", "about 0.75", "write .75", "that is 75%", "three quarters of it",
                "6/8 of the pie", "-0.75 is close", "so 75 %")) {
            assertThat(p.findIn(leak)).as(leak).isNotEmpty();
        }
        for (String clean : List.of("7/5 of it", "about 0.7", "75 people", "a quarter past")) {
            assertThat(p.findIn(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void findsAnIntegerAsDigitsWordsSignedOrComputed() {
        LeakProbe p = number("5");
        for (String leak : List.of("x = 5", "it is -5", "Five steps.", "2 + 3 is where you land", "(-10) ÷ (-2)", "10/2")) {
            assertThat(p.findIn(leak)).as(leak).isNotEmpty();
        }
        for (String clean : List.of("15 or 25", "2.5 units", "the fifth step", "0.05")) {
            assertThat(p.findIn(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void readsArithmeticAsWrittenNotByPieces() {
        // "3 + 8" sits inside "-3 + 8" (which is 5), so it must not count as 11.
        assertThat(number("11").findIn("In -3 + 8, which number is farther from zero?")).isEmpty();
        assertThat(number("11").findIn("So 3 + 8 is the sum.")).isNotEmpty();
    }

    @Test
    void bansTheBareNumberOfAPercentAnswer() {
        LeakProbe p = number("40%");
        assertThat(p.findIn("about 40 out of a hundred")).isNotEmpty();
        assertThat(p.findIn("it is 2/5")).isNotEmpty();
        assertThat(p.findIn("about 4 out of ten")).isEmpty();
    }

    @Test
    void writesCompoundNumberWords() {
        assertThat(number("-21").findIn("minus twenty-one")).isNotEmpty();
        assertThat(number("-21").findIn("twenty one of them")).isNotEmpty();
        assertThat(number("-21").findIn("twenty of them")).isEmpty();
    }

    @Test
    void findsAnExpressionAnswerByValueNotJustByText() {
        LeakProbe p = LeakProbe.forAnswer(item(AnswerType.EXPRESSION, List.of("5x + 12"), List.of()));
        for (String leak : List.of("you get 12 + 5x", "so 5x+12.", "Simplify 7x + 3 - 2x + 9 first", "it is 5(x) + 12")) {
            assertThat(p.findIn(leak)).as(leak).isNotEmpty();
        }
        for (String clean : List.of("combine 7x and -2x into 5x", "the numbers give 12", "compare 5x + 13", "5y + 12")) {
            assertThat(p.findIn(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void comparesAnEquationAnswerByItsRightSide() {
        LeakProbe p = LeakProbe.forAnswer(item(AnswerType.EXPRESSION, List.of("y = -2x + 5"), List.of()));
        assertThat(p.findIn("so y = 5 - 2x")).isNotEmpty();
        assertThat(p.findIn("the slope is -2 and the intercept is 5")).isEmpty();
    }

    @Test
    void findsTheCorrectChoiceByTextOrLetter() {
        LeakProbe p = LeakProbe.forAnswer(item(AnswerType.CHOICE, List.of("B"), List.of("4:9", "2:3", "3:2")));
        for (String leak : List.of("it reduces to 2:3", "it reduces to 2 : 3", "pick choice B", "answer (B)", "so B) wins")) {
            assertThat(p.findIn(leak)).as(leak).isNotEmpty();
        }
        for (String clean : List.of("Both parts shrink", "12:18 becomes smaller", "A ratio compares", "22:30")) {
            assertThat(p.findIn(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void findsATextAnswerAsAWholeWordAndTheNumbersInIt() {
        LeakProbe p = LeakProbe.forAnswer(item(AnswerType.TEXT, List.of("nonlinear", "not linear"), List.of()));
        assertThat(p.findIn("It is nonlinear.")).isNotEmpty();
        assertThat(p.findIn("It is not linear.")).isNotEmpty();
        assertThat(p.findIn("Is it linear?")).isEmpty();
        LeakProbe boundary = LeakProbe.forValue("y > 4");
        assertThat(boundary.findIn("so y>4")).isNotEmpty();
        assertThat(boundary.findIn("bigger than four")).isNotEmpty();
        assertThat(boundary.findIn("y > 14")).isEmpty();
    }
}
