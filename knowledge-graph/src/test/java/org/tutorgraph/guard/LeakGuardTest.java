package org.tutorgraph.guard;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakGuardTest {

    private final LeakGuard guard = new LeakGuard();

    static Item item(AnswerType type, String prompt, String answer, List<String> choices, HintRung... ladder) {
        return new Item("t", prompt, type, List.of(answer), choices, 0, List.of("c"), List.of(), List.of(ladder));
    }

    private LeakVerdict at(Item item, Rung rung, String message) {
        return guard.check(item, rung, message);
    }

    private void leaks(Item item, String message, LeakForm form, String span) {
        LeakVerdict v = at(item, Rung.ORIENT, message);
        assertThat(v.leaked()).as("'%s' should leak", message).isTrue();
        Leak l = v.first().orElseThrow();
        assertThat(l.form()).as(message).isEqualTo(form);
        assertThat(l.text()).as(message).isEqualTo(span);
        assertThat(message.substring(l.start(), l.end())).isEqualTo(span);
    }

    private void clean(Item item, String message) {
        assertThat(at(item, Rung.ORIENT, message).first()).as("'%s' should be clean", message).isEmpty();
    }

    @Nested
    class Numbers {
        final Item quarters = item(AnswerType.NUMBER, "A pizza is cut into 4 slices and Ana eats 3. What part did she eat, as a decimal?", "0.75", List.of());

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "So she ate 0.75 of it. | DECIMAL | 0.75",
                "That is .75 of the pizza. | DECIMAL | .75",
                "Think of 3/4. | FRACTION | 3/4",
                "Think of 6/8 of it. | FRACTION | 6/8",
                "She ate 75% of it. | PERCENT | 75%",
                "She ate 75 percent. | PERCENT | 75 percent",
                "She ate three quarters. | NUMBER_WORDS | three quarters",
                "three-fourths of it | NUMBER_WORDS | three-fourths"})
        void catchesEveryFormOfANumber(String message, LeakForm form, String span) {
            leaks(quarters, message, form, span);
        }

        @Test
        void catchesMixedNumbersRoundedDecimalsAndSigns() {
            leaks(item(AnswerType.NUMBER, "Add 3/4 and 3/4; write the sum as a mixed number.", "1 1/2", List.of()), "It is 1 1/2.", LeakForm.MIXED_NUMBER, "1 1/2");
            leaks(item(AnswerType.NUMBER, "Add 3/4 and 3/4; write the sum as a mixed number.", "1 1/2", List.of()), "one and a half", LeakForm.NUMBER_WORDS, "one and a half");
            leaks(item(AnswerType.NUMBER, "Divide 1 by 3.", "1/3", List.of()), "about 0.33", LeakForm.DECIMAL, "0.33");
            leaks(item(AnswerType.NUMBER, "What is 3 - 7?", "-4", List.of()), "you land on -4", LeakForm.INTEGER, "-4");
            leaks(item(AnswerType.NUMBER, "What is 3 - 7?", "-4", List.of()), "negative four", LeakForm.NUMBER_WORDS, "negative four");
            leaks(item(AnswerType.NUMBER, "How many?", "1200", List.of()), "there are 1,200 of them", LeakForm.INTEGER, "1,200");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "How many slices are there in all, and how many did she eat?",
                "Divide 3 by 4.",                      // the prompt's numbers are not the answer
                "Is 0.7 more or less than 0.8?",       // near misses are not the answer
                "Look at the 75th page of your book.",  // an ordinal
                "Write x^0.75 another way.",            // an exponent
                "0.75x is a term, not a number."})      // a coefficient
        void plausibleHintsAreNotLeaks(String message) {
            clean(quarters, message);
        }

        @Test
        void aNumberAlsoInThePromptLeaksOnlyWhenStatedAsTheResult() {
            Item timesOne = item(AnswerType.NUMBER, "What is 5 × 1?", "5", List.of());
            clean(timesOne, "Think of 5 groups of 1.");
            clean(timesOne, "Look again at 5 × 1.");
            leaks(timesOne, "5 × 1 = 5", LeakForm.INTEGER, "5");
            leaks(timesOne, "The answer is 5.", LeakForm.INTEGER, "5");
            leaks(timesOne, "It's 5!", LeakForm.INTEGER, "5");
            leaks(timesOne, "5 is the answer.", LeakForm.INTEGER, "5");
        }

        @Test
        void aFractionForAWholeAnswerIsAComputationNotTheAnswer() {
            Item days = item(AnswerType.NUMBER, "80 kangaroos, 2 a day: how many days?", "40", List.of());
            clean(days, "How many days is 80/2?");
            leaks(days, "So it takes 40 days.", LeakForm.INTEGER, "40");
        }

        @Test
        void thePercentKeyIsProtectedAsItsBareNumberToo() {
            Item percent = item(AnswerType.NUMBER, "What percent of 5 is 2?", "40%", List.of());
            leaks(percent, "That is 40 out of every hundred.", LeakForm.INTEGER, "40");
            leaks(percent, "It is 0.4 of it.", LeakForm.DECIMAL, "0.4");
            leaks(percent, "two fifths", LeakForm.NUMBER_WORDS, "two fifths");
        }

        @Test
        void quotingTheLearnerIsNotALeakUnlessStated() {
            Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", "5", List.of());
            List<String> said = List.of("5 or 6");
            assertThat(guard.check(sum, 1, "You wrote 5 or 6: pick one.", said).leaked()).isFalse();
            assertThat(guard.check(sum, 1, "5 is correct!", said).leaked()).isTrue();
            assertThat(guard.check(sum, 1, "You wrote 5 or 6: pick one.", List.of()).leaked()).isTrue();
        }
    }

    @Nested
    class Expressions {
        final Item distribute = item(AnswerType.EXPRESSION, "Multiply out 4(x + 3).", "4x + 12", List.of());

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "So you get 4x + 12. | 4x + 12",
                "So you get 12 + 4x. | 12 + 4x",
                "Write it as 4·x + 4·3 | 4·x + 4·3",
                "y = 4x + 12 | 4x + 12",
                "The result, 2(2x + 6), | 2(2x + 6)"})
        void catchesEquivalentExpressions(String message, String span) {
            leaks(distribute, message, LeakForm.EXPRESSION, span);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "The 4 multiplies everything inside 4(x + 3).",   // the prompt's own expression
                "What is 4 times x?",
                "2x + 12 is not it.",                              // not equivalent
                "Try 14x + 12 instead.",                           // 4x + 12 inside a longer term is not a stretch
                "Think of 5 - 4x + 12.",                           // cut from a subtraction: not a sub-expression
                "Multiply 4 by x, then 4 by 3."})
        void plausibleHintsAreNotLeaks(String message) {
            clean(distribute, message);
        }

        @Test
        void equationsLeakInSolvedFormOnly() {
            Item solve = item(AnswerType.EXPRESSION, "Solve 2x + 1 = 5.", "x = 2", List.of());
            leaks(solve, "Then x = 2.", LeakForm.EQUATION, "x = 2");
            leaks(solve, "So 2 = x", LeakForm.EQUATION, "2 = x");
            leaks(solve, "The answer is 2.", LeakForm.INTEGER, "2");
            leaks(solve, "x is 2", LeakForm.INTEGER, "2");
            clean(solve, "Subtract 1 from both sides to get 2x = 4.");  // a step, not the solved form
            clean(solve, "What is 2x when 2x + 1 = 5?");                 // 2x is a coefficient, not the value 2
            clean(solve, "Divide both sides by 2.");                     // 2 is in the prompt and not stated
        }

        @Test
        void equationAnswersLeakAsEquivalentEquationsAndTheirSolutionSide() {
            Item line = item(AnswerType.EXPRESSION, "The line with slope 2 through (0, 3).", "y = 2x + 3", List.of());
            leaks(line, "So y = 3 + 2x", LeakForm.EQUATION, "y = 3 + 2x");
            leaks(line, "The line is 2x + 3", LeakForm.EXPRESSION, "2x + 3");
            clean(line, "Use y = mx + b.");
            clean(line, "2y = 4x + 6 is the same line in another form");
        }
    }

    @Nested
    class Choices {
        final Item slope = item(AnswerType.CHOICE, "Which is the slope of the line through (0, 0) and (2, 1)?", "B",
                List.of("2", "one half", "1"));

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "The answer is B | CHOICE_LETTER | answer is B",
                "Choose (B). | CHOICE_LETTER | Choose (B)",
                "B is correct. | CHOICE_LETTER | B is correct",
                "option b | CHOICE_LETTER | option b",
                "The slope is one half. | NUMBER_WORDS | one half",
                "The slope is 0.5. | DECIMAL | 0.5"})
        void catchesTheLetterAndTheChoicesText(String message, LeakForm form, String span) {
            leaks(slope, message, form, span);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Look at option A again.", "A line rises by its slope.", "it's a good idea to draw it",
                "Rise over run: count both.", "Is the answer C?"})
        void plausibleHintsAreNotLeaks(String message) {
            clean(slope, message);
        }
    }

    @Test
    void textAnswersLeakByTheirWords() {
        Item property = item(AnswerType.TEXT, "Which property lets you write 4(x + 3) as 4x + 12?", "distributive property", List.of());
        leaks(property, "It's the Distributive Property!", LeakForm.TEXT, "Distributive Property");
        clean(property, "Which property spreads multiplication over addition?");
        clean(property, "Distribute the 4.");
        Item comparison = item(AnswerType.TEXT, "Compare -1 and -4: < or >?", ">", List.of());
        leaks(comparison, "On the number line, -1 > -4.", LeakForm.TEXT, ">");
    }

    @Test
    void laterScaffoldAnswersAreProtectedBelowTheirRungOnly() {
        Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", "5", List.of(),
                HintRung.of(Rung.ORIENT, "Start at -7."), new HintRung(Rung.SCAFFOLD, "First find -7 + 7.", "0"),
                HintRung.of(Rung.BOTTOM_OUT, "So -7 + 12 = 5."));
        String message = "Notice that -7 + 7 = 0.";
        assertThat(at(sum, Rung.ORIENT, message).first()).hasValueSatisfying(l -> {
            assertThat(l.secret().kind()).isEqualTo(Secret.Kind.SCAFFOLD_ANSWER);
            assertThat(l.text()).isEqualTo("0");
        });
        assertThat(at(sum, Rung.PROBE, message).leaked()).isTrue();
        assertThat(at(sum, Rung.SCAFFOLD, message).leaked()).isFalse();
        assertThat(LeakGuard.secrets(sum, Rung.SCAFFOLD.level())).extracting(Secret::answer).containsExactly("5");
    }

    @Test
    void nothingIsProtectedAtBottomOutAndFeedbackIsProtectedMost() {
        Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", "5", List.of(), new HintRung(Rung.SCAFFOLD, "First find -7 + 7.", "0"));
        assertThat(at(sum, Rung.BOTTOM_OUT, "So -7 + 12 = 5.").leaked()).isFalse();
        assertThat(at(sum, null, "Not quite, 0 is where you cross zero.").leaked()).isTrue();
        assertThat(LeakGuard.secrets(sum, 0)).extracting(Secret::kind).containsExactly(Secret.Kind.ITEM_ANSWER, Secret.Kind.SCAFFOLD_ANSWER);
    }

    @Test
    void reportsEveryLeakInMessageOrder() {
        Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", "5", List.of());
        LeakVerdict v = at(sum, Rung.PROBE, "It is five, I mean 5.");
        assertThat(v).isInstanceOfSatisfying(LeakVerdict.Leaked.class, l ->
                assertThat(l.leaks()).extracting(Leak::text).containsExactly("five", "5"));
    }
}
