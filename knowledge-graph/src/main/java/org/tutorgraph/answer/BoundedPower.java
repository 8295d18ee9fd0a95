package org.tutorgraph.answer;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.AbstractOperator;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.parser.Token;

import java.math.BigDecimal;

import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_POWER;

/**
 * {@code ^} in double arithmetic, in place of EvalEx's own power operator. EvalEx's works on {@link BigDecimal}s and,
 * for a huge exponent, materialises a number with hundreds of millions of digits: {@code 9^9^9^9} typed by a learner
 * (or written in a model's reply and read by the leak guard) kept a core busy for minutes. Answers are compared as
 * doubles at sample points anyway ({@link Equivalence}), so a double power loses nothing; a result beyond double
 * range (or undefined, such as {@code (-8)^(1/3)} or {@code 0^-1}) is an evaluation error, which callers read as
 * "undefined at this point". O(1).
 */
@InfixOperator(precedence = OPERATOR_PRECEDENCE_POWER, leftAssociative = false)
final class BoundedPower extends AbstractOperator {

    @Override
    public int getPrecedence(ExpressionConfiguration configuration) {
        return configuration.getPowerOfPrecedence();
    }

    @Override
    public EvaluationValue evaluate(Expression expression, Token operatorToken, EvaluationValue... operands)
            throws EvaluationException {
        if (!operands[0].isNumberValue() || !operands[1].isNumberValue()) {
            throw EvaluationException.ofUnsupportedDataTypeInOperation(operatorToken);
        }
        double result = Math.pow(operands[0].getNumberValue().doubleValue(), operands[1].getNumberValue().doubleValue());
        if (!Double.isFinite(result)) throw new EvaluationException(operatorToken, "power out of range or undefined");
        return expression.convertValue(BigDecimal.valueOf(result));
    }
}
