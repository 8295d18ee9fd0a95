package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionsTest {

    @ParameterizedTest(name = "{0} at x=3, y=2 is {1}")
    @CsvSource(delimiter = '|', value = {
            "2x + 3 | 9", "3(x - 1) | 6", "x^2 | 9", "x\u00b2 | 9", "-x^2 | -9", "2^-1 | 0.5", "2^-x | 0.125",
            "(x+1)(x-1) | 8", "x(x+1) | 12", "3x(x+1) | 36", "(x)2 | 6", "xy | 6", "2 x y | 12", "x**2 | 9",
            "\u221ax | 1.7320508075688772", "3\u221a(x+1) | 6", "sqrt(x+1) | 2", "abs(-x) | 3", "1/2x | 1.5",
            "X + Y | 5", "4\u00b7x \u2212 1 | 11", "pi | 3.141592653589793"})
    void evaluatesTheWaysLearnersWrite(String text, double value) {
        MathForm.Expr e = (MathForm.Expr) Expressions.parse(text).orElseThrow();
        java.util.Map<String, java.math.BigDecimal> point = new java.util.HashMap<>();
        for (String v : e.variables()) point.put(v, new java.math.BigDecimal(v.equals("x") ? "3" : "2"));
        assertThat(e.valuesAt(java.util.List.of(point))[0]).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"the answer", "x +", "2 3", "(x + 1", "x = = 2", "sqrt x", "banana", ""})
    void refusesWhatIsNotAnExpression(String text) {
        assertThat(Expressions.parse(text)).isEmpty();
    }

    @Test
    void readsEquationsAndWhatTheyAreSolvedFor() {
        MathForm.Equation line = (MathForm.Equation) Expressions.parse("y = 2x + 3").orElseThrow();
        assertThat(line.variables()).containsExactly("x", "y");
        assertThat(line.solvedFor()).hasValue("y");
        assertThat(((MathForm.Equation) Expressions.parse("5 = x").orElseThrow()).solvedFor()).hasValue("x");
        assertThat(((MathForm.Equation) Expressions.parse("2x = 4").orElseThrow()).solvedFor()).isEmpty();
        assertThat(((MathForm.Equation) Expressions.parse("x = x + 1").orElseThrow()).solvedFor()).isEmpty();
    }

    @Test
    void explainsSyntaxErrorsForCourseValidation() {
        assertThat(Expressions.syntaxError("2x + 3")).isEmpty();
        assertThat(Expressions.syntaxError("3x(x+1)")).isEmpty();
        assertThat(Expressions.syntaxError("x = 1 = 2")).hasValueSatisfying(m -> assertThat(m).contains("only one '='"));
        assertThat(Expressions.syntaxError("= 4")).hasValueSatisfying(m -> assertThat(m).contains("empty"));
        assertThat(Expressions.syntaxError("x +")).hasValueSatisfying(m -> assertThat(m).contains("does not parse"));
        assertThat(Expressions.variables("b^2 - 4ac")).containsExactly("a", "b", "c");
    }

    @Test
    void divisionByZeroAtAPointIsUndefinedNotAnError() {
        MathForm.Expr e = (MathForm.Expr) Expressions.parse("1/(x - 3)").orElseThrow();
        double[] v = e.valuesAt(java.util.List.of(java.util.Map.of("x", new java.math.BigDecimal("3")), java.util.Map.of("x", new java.math.BigDecimal("4"))));
        assertThat(v[0]).isNaN();
        assertThat(v[1]).isEqualTo(1.0);
    }
}
