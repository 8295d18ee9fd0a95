package org.tutorgraph.cli.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LatexTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$$\\frac{3}{4}$$ | 3/4",
            "$$\\frac{-1}{3}$$ | -1/3",
            "$$\\frac{x+1}{2y}$$ | (x+1)/(2y)",
            "$$4\\left(x+3\\right)$$ | 4(x+3)",
            "$$13\\sqrt{5}$$ | 13\u221a(5)",
            "$$\\sqrt[3]{8}$$ | (8)^(1/3)",
            "$$x^{2}+y^{10}$$ | x^2+y^10",
            "$$3\\times4\\cdot5$$ | 3\u00d74\u00d75",
            "$$a_{1}$$ | a1",
            "$$\\text{Yes}$$ | Yes",
            "$$(-\\infty,8]$$ | (-\u221e,8]",
            "$$\\operatorname{13}\\left(13+h\\right)$$ | 13(13+h)",
            "first\\nsecond | first\\nsecond"})
    void turnsOatutorLatexIntoPlainMath(String latex, String plain) {
        assertThat(Latex.toPlain(latex)).isEqualTo(plain.replace("\\n", "\n"));
    }
}
