package org.tutorgraph.answer;

import com.ezylang.evalex.Expression;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A parsed expression or equation (see {@link Expressions#parse(String)}), ready to be evaluated at sample points. */
public sealed interface MathForm {

    /** Its free variables, lower-case single letters, sorted. */
    Set<String> variables();

    /** The tokens it was read from, re-joined (for messages). */
    String source();

    /**
     * An expression.
     *
     * @param evalEx    the text EvalEx evaluates (explicit multiplication, variables written {@code _x})
     * @param variables its free variables
     * @param source    what it was read from
     */
    record Expr(String evalEx, Set<String> variables, String source) implements MathForm {
        public Expr {
            variables = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(variables));
        }

        /** Whether it is a lone variable ({@code x}). */
        public boolean isVariable() {
            return evalEx.length() == 2 && evalEx.charAt(0) == '_';
        }

        /** Whether it has no variables (a number or arithmetic on numbers). */
        public boolean isConstant() {
            return variables.isEmpty();
        }

        /**
         * Its value at each point ({@link Double#NaN} where it is undefined: division by zero, a negative square root,
         * a value beyond double range). O(points × size).
         */
        public double[] valuesAt(List<Map<String, BigDecimal>> points) {
            double[] out = new double[points.size()];
            Expression e = new Expression(evalEx, Expressions.CONFIG);
            for (int i = 0; i < out.length; i++) {
                try {
                    for (String v : variables) e.with("_" + v, points.get(i).get(v));
                    double d = e.evaluate().getNumberValue().doubleValue();
                    out[i] = Double.isFinite(d) ? d : Double.NaN;
                } catch (Exception | StackOverflowError ex) {
                    out[i] = Double.NaN;
                }
            }
            return out;
        }

        /** Its value when it has no variables. */
        public Optional<Double> constantValue() {
            if (!isConstant()) return Optional.empty();
            double v = valuesAt(List.of(Map.of()))[0];
            return Double.isNaN(v) ? Optional.empty() : Optional.of(v);
        }
    }

    /** An equation {@code left = right}. */
    record Equation(Expr left, Expr right) implements MathForm {
        @Override
        public Set<String> variables() {
            Set<String> all = new TreeSet<>(left.variables());
            all.addAll(right.variables());
            return all;
        }

        @Override
        public String source() {
            return left.source() + " = " + right.source();
        }

        /** The variable it is solved for ({@code y = 2x + 3}, {@code 5 = x}), if one side is a lone variable absent from the other. */
        public Optional<String> solvedFor() {
            if (left.isVariable() && !right.variables().contains(left.variables().iterator().next())) {
                return Optional.of(left.variables().iterator().next());
            }
            if (right.isVariable() && !left.variables().contains(right.variables().iterator().next())) {
                return Optional.of(right.variables().iterator().next());
            }
            return Optional.empty();
        }

        /** The side opposite the solved variable ({@code 2x + 3} in {@code y = 2x + 3}). */
        public Optional<Expr> solution() {
            return solvedFor().map(v -> left.isVariable() && left.variables().contains(v) && !right.variables().contains(v) ? right : left);
        }
    }
}
