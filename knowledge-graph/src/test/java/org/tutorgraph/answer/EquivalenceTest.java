package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutorgraph.answer.Equivalence.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class EquivalenceTest {

    private static Verdict compare(String a, String b) {
        MathForm fa = Expressions.parse(a).orElseThrow();
        MathForm fb = Expressions.parse(b).orElseThrow();
        if (fa instanceof MathForm.Equation ea && fb instanceof MathForm.Equation eb) return Equivalence.equations(ea, eb);
        return Equivalence.expressions((MathForm.Expr) fa, (MathForm.Expr) fb);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "4x + 12 | 4(x + 3) | SAME", "x^2 - 1 | (x+1)(x-1) | SAME", "(x^3 - x)/x | x^2 - 1 | SAME",
            "x/x | 1 | SAME", "2x + 3 | 2x - 3 | DIFFERENT", "x^2 | 2x | DIFFERENT", "a + b | b + a | SAME",
            "sqrt(x^2) | abs(x) | SAME", "sqrt(x^2) | x | DIFFERENT", "1/2 | 0.5 | SAME", "6/8 | 3/4 | SAME",
            "y = 2x + 3 | 2y = 4x + 6 | SAME", "y = 2x + 3 | y - 2x - 3 = 0 | SAME", "x = 2 | 2 = x | SAME",
            "x = 2 | x = 3 | DIFFERENT", "x = 2 | y = 2 | DIFFERENT", "x = x | y = y | SAME",
            "sqrt(x) | sqrt(x) | SAME", "sqrt(-x^2 - 1) | 1 | UNKNOWN"})
    void comparesByValueAtSeededPoints(String a, String b, Verdict expected) {
        assertThat(compare(a, b)).isEqualTo(expected);
    }

    @Test
    void distributingIsAlwaysEquivalentAndAnOffByOneNever() {
        qt().withFixedSeed(20240601L).forAll(integers().between(-12, 12), integers().between(-12, 12))
                .assuming((a, b) -> a != 0)
                .checkAssert((a, b) -> {
                    assertThat(compare(a + "(x + " + b + ")", a + "x + " + (a * b))).isEqualTo(Verdict.SAME);
                    assertThat(compare(a + "(x + " + b + ")", a + "x + " + (a * b + 1))).isEqualTo(Verdict.DIFFERENT);
                });
    }

    @Test
    void samplePointsAreFixedPerVariableSet() {
        assertThat(Equivalence.points(java.util.Set.of("x", "y"))).isEqualTo(Equivalence.points(java.util.Set.of("y", "x")));
        assertThat(Equivalence.points(java.util.Set.of("x"))).hasSize(Equivalence.POINTS);
    }
}
