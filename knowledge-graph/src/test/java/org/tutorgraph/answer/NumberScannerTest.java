package org.tutorgraph.answer;

import org.junit.jupiter.api.Test;
import org.tutorgraph.answer.NumberScanner.Form;
import org.tutorgraph.answer.NumberScanner.Mention;
import org.tutorgraph.answer.NumberScanner.Role;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NumberScannerTest {

    @Test
    void findsEveryFormWithItsSpan() {
        String text = "Take 3/4 of 1,200, that is 900; also 0.375 or 37.5% or 1 1/2 or three quarters.";
        List<Mention> m = NumberScanner.scan(text);
        assertThat(m).extracting(Mention::text, Mention::form).containsExactly(
                tuple("3/4", Form.FRACTION), tuple("1,200", Form.INTEGER), tuple("900", Form.INTEGER),
                tuple("0.375", Form.DECIMAL), tuple("37.5%", Form.PERCENT), tuple("1 1/2", Form.MIXED),
                tuple("three quarters", Form.WORDS));
        assertThat(m).extracting(Mention::value).containsExactly(0.75, 1200.0, 900.0, 0.375, 0.375, 1.5, 0.75);
        for (Mention x : m) assertThat(text.substring(x.start(), x.end())).isEqualTo(x.text());
    }

    @Test
    void readsAMinusAsASignOnlyWhereItCannotSubtract() {
        assertThat(NumberScanner.scan("x is -5")).extracting(Mention::value).containsExactly(-5.0);
        assertThat(NumberScanner.scan("12 - 5 = 7")).extracting(Mention::value).containsExactly(12.0, 5.0, 7.0);
        assertThat(NumberScanner.scan("(-3) + 2")).extracting(Mention::value).containsExactly(-3.0, 2.0);
        assertThat(NumberScanner.scan("negative 4 and 10 minus 4")).extracting(Mention::value).containsExactly(-4.0, 10.0, 4.0);
    }

    @Test
    void tellsValuesFromCoefficientsExponentsLabelsAndOrdinals() {
        assertThat(NumberScanner.scan("2x + 3(y) has x^2, a1 and the 2nd term, then 5 apples"))
                .extracting(Mention::text, Mention::role).containsExactly(
                        tuple("2", Role.COEFFICIENT), tuple("3", Role.COEFFICIENT), tuple("2", Role.EXPONENT),
                        tuple("1", Role.LABEL), tuple("2", Role.ORDINAL), tuple("5", Role.VALUE));
    }

    @Test
    void readsPercentWords() {
        assertThat(NumberScanner.scan("fifty percent, 40 per cent"))
                .extracting(Mention::value, Mention::form)
                .containsExactly(tuple(0.5, Form.PERCENT), tuple(0.4, Form.PERCENT));
    }
}
