package org.tutorgraph.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutorgraph.answer.CheckResult.Correct;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempts built to break the checker: overflowing numbers, huge powers, deep nesting. None may be judged correct. */
class HostileAttemptsTest {

    private final AnswerChecker checker = new AnswerChecker();
    private static final Item FIVE_SEVENTHS = new Item("t", "What is 2/7 + 3/7?", AnswerType.NUMBER, List.of("5/7"), List.of(), 0,
            List.of("c"), List.of(), List.of());
    private static final Item LINE = new Item("l", "Equation of the line?", AnswerType.EXPRESSION, List.of("y = 2x + 1"), List.of(), 0,
            List.of("c"), List.of(), List.of());

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1e400", "-1e400", "1e999", "1E308", "9e307 + 9e307", "1e308*10", "9^9^9^9", "10^400", "x^99999",
            "2^-9999", "1/0", "0/0", "sqrt(-1)", "ln(0)", "tan(pi/2)", "(((((((((((((((((((((((x)))))))))))))))))))))))"})
    void neverAcceptsAnOverflowOrAnUndefinedValue(String attempt) {
        assertThat(checker.check(FIVE_SEVENTHS, attempt)).isNotInstanceOf(Correct.class);
        assertThat(checker.check(LINE, "y = " + attempt)).isNotInstanceOf(Correct.class);
    }

    @ParameterizedTest(name = "{0} nines")
    @ValueSource(ints = {309, 400, 2000})
    void neverAcceptsANumberTooLargeForADouble(int digits) {
        assertThat(checker.check(FIVE_SEVENTHS, "9".repeat(digits))).isNotInstanceOf(Correct.class);
    }
}
