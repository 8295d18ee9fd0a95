package org.tutorgraph.answer;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.ParseException;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses algebraic expressions and simple equations with EvalEx (com.ezylang:EvalEx, maintained, Apache-2.0):
 * {@code 2x + 3}, {@code 3(x - 1)}, {@code x^2}, {@code y = 2x + 3}. Implicit multiplication ({@code 2x}) is allowed.
 */
public final class Expressions {

    /**
     * EvalEx's default configuration with implicit multiplication, and with {@code ^} binding tighter than a unary
     * minus, as in school algebra ({@code -3^2 = -9}; EvalEx's default reads it as 9). Shared; it is immutable.
     */
    public static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .implicitMultiplicationAllowed(true)
            .powerOfPrecedence(OperatorIfc.OPERATOR_PRECEDENCE_POWER_HIGHER)
            .build();

    private Expressions() {
    }

    /** Writes the usual typed forms the way EvalEx reads them: {@code ×}, {@code ·} and {@code −}. */
    public static String normalise(String text) {
        return text.strip().replace('\u2212', '-').replace('\u00d7', '*').replace('\u00b7', '*')
                .replace('\u22c5', '*').replace('\u00f7', '/');
    }

    /** A description of what is wrong with {@code text} as an expression or an equation, or empty when it parses. */
    public static Optional<String> syntaxError(String text) {
        if (text == null || text.isBlank()) return Optional.of("the expression is empty");
        String s = normalise(text);
        String[] sides = s.split("=", -1);
        if (sides.length > 2) return Optional.of("an equation may have only one '='");
        for (String side : sides) {
            if (side.isBlank()) return Optional.of("one side of the equation is empty");
            try {
                new Expression(side, CONFIG).validate();
            } catch (ParseException e) {
                return Optional.of("does not parse as an expression: " + e.getMessage());
            } catch (RuntimeException e) {
                return Optional.of("does not parse as an expression: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The free variables of an expression or equation, sorted; empty when it does not parse. */
    public static Set<String> variables(String text) {
        Set<String> vars = new TreeSet<>();
        for (String side : normalise(text).split("=", -1)) {
            try {
                vars.addAll(new Expression(side, CONFIG).getUndefinedVariables());
            } catch (ParseException | RuntimeException e) {
                return Set.of();
            }
        }
        return vars;
    }
}
