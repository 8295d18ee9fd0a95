package org.tutorgraph.answer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutorgraph.answer.CheckResult.Ambiguity;
import org.tutorgraph.answer.CheckResult.Ambiguous;
import org.tutorgraph.answer.CheckResult.Correct;
import org.tutorgraph.answer.CheckResult.Incorrect;
import org.tutorgraph.answer.CheckResult.Shortfall;
import org.tutorgraph.answer.CheckResult.Unreadable;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckerTest {

    private final AnswerChecker checker = new AnswerChecker();

    static Item item(AnswerType type, String prompt, List<String> answers, List<String> choices, double tolerance, Misconception... ms) {
        return new Item("t", prompt, type, answers, choices, tolerance, List.of("c"), List.of(ms), List.of());
    }

    private CheckResult check(Item item, String attempt) {
        return checker.check(item, attempt);
    }

    @Nested
    class Numbers {
        final Misconception joined = new Misconception("digits-joined", "reads 3/4 as 3.4", List.of("3.4"), "Is 3/4 more than 1?");
        final Item threeQuarters = item(AnswerType.NUMBER, "Write 3/4 as a decimal.", List.of("0.75"), List.of(), 0, joined);

        @ParameterizedTest(name = "''{0}'' is 0.75")
        @ValueSource(strings = {"0.75", ".75", "0.750", "3/4", "6/8", "75%", "75 %", "three quarters", "three fourths",
                "x = 0.75", "I think it's 3/4.", "the answer is 0.75", "$0.75", "0.75 dollars", " 0.75 ", "\u00be"})
        void acceptsEveryFormOfTheValue(String attempt) {
            assertThat(check(threeQuarters, attempt)).isInstanceOf(Correct.class);
        }

        @Test
        void recognisesTheMisconceptionsWrongAnswerInAnyForm() {
            for (String a : List.of("3.4", "3.40", "17/5", "three point four")) {
                assertThat(check(threeQuarters, a)).as(a).isEqualTo(new Incorrect(java.util.Optional.of(joined), Shortfall.NONE));
            }
            assertThat(check(threeQuarters, "0.7")).isEqualTo(Incorrect.plain());
            assertThat(check(threeQuarters, "75")).as("75 is not 75% when the key is a decimal").isEqualTo(Incorrect.plain());
        }

        @Test
        void aPercentKeyAcceptsTheBareNumber() {
            Item percent = item(AnswerType.NUMBER, "What percent of 5 is 2?", List.of("40%"), List.of(), 0);
            for (String a : List.of("40", "40%", "0.4", "2/5", "forty percent")) assertThat(check(percent, a)).as(a).isInstanceOf(Correct.class);
            assertThat(check(percent, "4")).isInstanceOf(Incorrect.class);
        }

        @Test
        void acceptsCorrectlyRoundedDecimalsOfTwoOrMorePlaces() {
            Item third = item(AnswerType.NUMBER, "Write 1/3 as a decimal.", List.of("1/3"), List.of(), 0);
            for (String a : List.of("0.33", "0.333", "0.3333", "33%", "33.3%", "one third")) {
                assertThat(check(third, a)).as(a).isInstanceOf(Correct.class);
            }
            for (String a : List.of("0.3", "0.34", "0.332", "0.33333334")) assertThat(check(third, a)).as(a).isInstanceOf(Incorrect.class);
            // a key that can be written out exactly must be: 0.38 is not 3/8
            Item eighths = item(AnswerType.NUMBER, "Write 3/8 as a decimal.", List.of("0.375"), List.of(), 0);
            assertThat(check(eighths, "0.38")).isInstanceOf(Incorrect.class);
            assertThat(check(eighths, "37.5%")).isInstanceOf(Correct.class);
        }

        @Test
        void usesTheItemsToleranceWhenSet() {
            Item pi = item(AnswerType.NUMBER, "Estimate pi.", List.of("3.14159"), List.of(), 0.01);
            assertThat(check(pi, "3.14")).isInstanceOf(Correct.class);
            assertThat(check(pi, "3.15")).isInstanceOf(Correct.class);
            assertThat(check(pi, "3.2")).isInstanceOf(Incorrect.class);
        }

        @Test
        void readsSignsThousandsSeparatorsMixedNumbersAndWords() {
            Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", List.of("5"), List.of(), 0);
            assertThat(check(sum, "five")).isInstanceOf(Correct.class);
            assertThat(check(sum, "5 steps")).isInstanceOf(Correct.class);
            assertThat(check(sum, "-5")).isInstanceOf(Incorrect.class);
            assertThat(check(item(AnswerType.NUMBER, "1000 + 200?", List.of("1200"), List.of(), 0), "1,200")).isInstanceOf(Correct.class);
            assertThat(check(item(AnswerType.NUMBER, "3/2 as a mixed number?", List.of("1 1/2"), List.of(), 0), "one and a half")).isInstanceOf(Correct.class);
            assertThat(check(item(AnswerType.NUMBER, "21?", List.of("21"), List.of(), 0), "twenty-one")).isInstanceOf(Correct.class);
            assertThat(check(item(AnswerType.NUMBER, "Temperature?", List.of("-4"), List.of(), 0), "negative four")).isInstanceOf(Correct.class);
        }

        @Test
        void arithmeticLeftUndoneIsUnfinished() {
            Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", List.of("5"), List.of(), 0);
            assertThat(check(sum, "12 - 7")).isEqualTo(new Incorrect(java.util.Optional.empty(), Shortfall.UNFINISHED));
            assertThat(check(sum, "12 - 8")).isEqualTo(Incorrect.plain());
        }

        @Test
        void reportsSeveralAnswersNoAnswerAndUnreadable() {
            Item sum = item(AnswerType.NUMBER, "What is -7 + 12?", List.of("5"), List.of(), 0);
            assertThat(check(sum, "5 or 6")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.SEVERAL_ANSWERS));
            assertThat(check(sum, "x=3 and x=4")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.SEVERAL_ANSWERS));
            assertThat(check(sum, "5 6")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.SEVERAL_ANSWERS));
            for (String none : List.of("idk", "I don't know", "no idea", "", "  ", "?")) {
                assertThat(check(sum, none)).as(none).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.NO_ANSWER));
            }
            assertThat(check(sum, "banana")).isInstanceOf(Unreadable.class);
            assertThat(check(sum, "x + 1")).isInstanceOfSatisfying(Unreadable.class, u -> assertThat(u.reason()).contains("expression"));
            assertThat(check(sum, "5".repeat(400))).isInstanceOf(Unreadable.class);
        }

        @Test
        void aKeyWithSeveralValuesNeedsAllOfThemInAnyOrder() {
            Item roots = item(AnswerType.NUMBER, "Solve x^2 + x - 12 = 0.", List.of("3, -4"), List.of(), 0);
            assertThat(check(roots, "-4 and 3")).isInstanceOf(Correct.class);
            assertThat(check(roots, "x = 3 or x = -4")).isInstanceOf(Correct.class);
            assertThat(check(roots, "3")).isInstanceOf(Incorrect.class);
            assertThat(check(roots, "3, 4")).isInstanceOf(Incorrect.class);
        }
    }

    @Nested
    class Expressions {
        final Misconception firstOnly = new Misconception("first-only", "multiplies the first term only", List.of("4x + 3"), "Did the 3 get multiplied?");
        final Item distribute = item(AnswerType.EXPRESSION, "Multiply out 4(x + 3).", List.of("4x + 12"), List.of(), 0, firstOnly);

        @ParameterizedTest(name = "''{0}'' is 4x + 12")
        @ValueSource(strings = {"4x+12", "12 + 4x", "4*x + 12", "4 x + 12", "4\u00b7x + 12", "2(2x + 6)", "y = 4x + 12",
                "f(x) = 12 + 4x", "4X+12", "x*4 + 6*2"})
        void acceptsEquivalentExpressions(String attempt) {
            assertThat(check(distribute, attempt)).isInstanceOf(Correct.class);
        }

        @Test
        void copyingThePromptsExpressionIsUnfinished() {
            assertThat(check(distribute, "4(x + 3)")).isEqualTo(new Incorrect(java.util.Optional.empty(), Shortfall.UNFINISHED));
        }

        @Test
        void matchesMisconceptionsByValueToo() {
            assertThat(check(distribute, "3 + 4x")).isEqualTo(new Incorrect(java.util.Optional.of(firstOnly), Shortfall.NONE));
            assertThat(check(distribute, "4x + 13")).isEqualTo(Incorrect.plain());
        }

        @Test
        void handlesPowersImplicitProductsAndDomainHoles() {
            Item square = item(AnswerType.EXPRESSION, "Simplify (x^3 - x)/x.", List.of("x^2 - 1"), List.of(), 0);
            for (String a : List.of("(x+1)(x-1)", "x\u00b2 - 1", "-1 + x**2", "(x^3 - x)/x")) {
                // the last is the prompt copied: equivalent but unfinished
                CheckResult r = check(square, a);
                if (a.equals("(x^3 - x)/x")) assertThat(r).isInstanceOf(Incorrect.class);
                else assertThat(r).as(a).isInstanceOf(Correct.class);
            }
            assertThat(check(square, "x^2 + 1")).isInstanceOf(Incorrect.class);
            assertThat(check(square, "-x^2 - 1")).as("-x^2 is -(x^2)").isInstanceOf(Incorrect.class);
        }

        @Test
        void equationsCompareUpToANonzeroFactorAndMustBeSolvedLikeTheKey() {
            Item line = item(AnswerType.EXPRESSION, "The line with slope 2 and intercept 3.", List.of("y = 2x + 3"), List.of(), 0);
            assertThat(check(line, "y = 3 + 2x")).isInstanceOf(Correct.class);
            assertThat(check(line, "2x + 3")).as("the solution side alone").isInstanceOf(Correct.class);
            assertThat(check(line, "2y = 4x + 6")).isEqualTo(new Incorrect(java.util.Optional.empty(), Shortfall.UNFINISHED));
            assertThat(check(line, "y = 2x - 3")).isEqualTo(Incorrect.plain());

            Item solve = item(AnswerType.EXPRESSION, "Solve 2x + 1 = 5.", List.of("x = 2"), List.of(), 0);
            assertThat(check(solve, "x=2")).isInstanceOf(Correct.class);
            assertThat(check(solve, "2 = x")).isInstanceOf(Correct.class);
            assertThat(check(solve, "2")).isInstanceOf(Correct.class);
            assertThat(check(solve, "2x = 4")).isEqualTo(new Incorrect(java.util.Optional.empty(), Shortfall.UNFINISHED));
            assertThat(check(solve, "x = 3")).isEqualTo(Incorrect.plain());
            assertThat(check(solve, "x=3 and x=4")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.SEVERAL_ANSWERS));
        }

        @Test
        void anUndecidableComparisonIsAmbiguous() {
            Item odd = item(AnswerType.EXPRESSION, "Simplify.", List.of("sqrt(-x^2 - 1)"), List.of(), 0);
            assertThat(check(odd, "sqrt(-x^2 - 1)")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.UNDECIDED));
        }

        @Test
        void unreadableExpressionsSaySo() {
            assertThat(check(distribute, "x +")).isInstanceOfSatisfying(Unreadable.class, u -> assertThat(u.reason()).contains("expression"));
        }
    }

    @Nested
    class Choices {
        final Misconception intercept = new Misconception("intercept", "takes the intercept", List.of("A"), "Which number changes with x?");
        final Item slope = item(AnswerType.CHOICE, "Slope of y = 5x - 2?", List.of("B"), List.of("-2", "5", "2/5"), 0, intercept);

        @ParameterizedTest(name = "''{0}'' picks B")
        @ValueSource(strings = {"b", "B", "(B)", "B)", "b.", "[b]", "option b", "choice B", "the answer is B", "5", "five"})
        void acceptsTheLetterOrTheChoice(String attempt) {
            assertThat(check(slope, attempt)).isInstanceOf(Correct.class);
        }

        @Test
        void aChoiceTextIsMatchedByValueWhenItIsANumber() {
            Item half = item(AnswerType.CHOICE, "Which is one half?", List.of("1/2"), List.of("1/3", "1/2", "2/3"), 0);
            assertThat(check(half, "0.5")).isInstanceOf(Correct.class);
            assertThat(check(half, "one half")).isInstanceOf(Correct.class);
            assertThat(check(half, "2/3")).isInstanceOf(Incorrect.class);
        }

        @Test
        void wrongChoicesLettersOutOfRangeAndSeveralLetters() {
            assertThat(check(slope, "a")).isEqualTo(new Incorrect(java.util.Optional.of(intercept), Shortfall.NONE));
            assertThat(check(slope, "-2")).isEqualTo(new Incorrect(java.util.Optional.of(intercept), Shortfall.NONE));
            assertThat(check(slope, "C")).isEqualTo(Incorrect.plain());
            assertThat(check(slope, "D")).isInstanceOfSatisfying(Unreadable.class, u -> assertThat(u.reason()).contains("no choice D"));
            assertThat(check(slope, "a or b")).isInstanceOfSatisfying(Ambiguous.class, a -> assertThat(a.kind()).isEqualTo(Ambiguity.SEVERAL_ANSWERS));
            assertThat(check(slope, "a b")).isInstanceOf(Ambiguous.class);
            assertThat(check(slope, "banana")).isInstanceOf(Unreadable.class);
        }
    }

    @Nested
    class Text {
        final Item property = item(AnswerType.TEXT, "Which property?", List.of("distributive property"), List.of(), 0,
                new Misconception("commutes", "confuses the properties", List.of("commutative property"), "Does the order change?"));

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"distributive property", "Distributive Property.", "the distributive property",
                "  distributive   property ", "distributive-property", "distributiv property", "It's the distributive property"})
        void normalisesCaseSpacingPunctuationArticlesAndOneTypo(String attempt) {
            assertThat(check(property, attempt)).isInstanceOf(Correct.class);
        }

        @Test
        void shortKeysAllowNoTypoAndMisconceptionsAreRecognised() {
            Item word = item(AnswerType.TEXT, "Is sqrt(2) rational or irrational?", List.of("irrational"), List.of(), 0);
            assertThat(check(word, "rational")).isInstanceOf(Incorrect.class);
            assertThat(check(item(AnswerType.TEXT, "Yes or no?", List.of("yes"), List.of(), 0), "yea")).isInstanceOf(Incorrect.class);
            assertThat(check(property, "Commutative property")).isInstanceOfSatisfying(Incorrect.class,
                    i -> assertThat(i.misconception()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo("commutes")));
            assertThat(check(property, "distributive or commutative")).isInstanceOf(Ambiguous.class);
        }
    }

    @Test
    void sameAnswerComparesByTheItemsRules() {
        Item sum = item(AnswerType.NUMBER, "?", List.of("5"), List.of(), 0);
        assertThat(checker.sameAnswer(sum, "19", "nineteen")).isTrue();
        assertThat(checker.sameAnswer(sum, "19", "-19")).isFalse();
        Item expr = item(AnswerType.EXPRESSION, "?", List.of("x"), List.of(), 0);
        assertThat(checker.sameAnswer(expr, "2(x+1)", "2x + 2")).isTrue();
        assertThat(checker.sameAnswer(expr, "2(x+1)", "2x + 1")).isFalse();
    }
}
