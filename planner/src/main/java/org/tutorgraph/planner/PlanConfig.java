package org.tutorgraph.planner;

import org.tutorgraph.planner.cost.CostConfig;
import org.tutorgraph.planner.cost.SequenceConfig;
import org.tutorgraph.planner.order.OrderConfig;

import java.util.Set;

/**
 * Everything a plan depends on besides the course, the learner and the goals.
 *
 * @param threshold   a concept whose mastery posterior is ≥ this is mastered: a source the plan builds on, never a
 *                    step. Default 0.95, the usual Bayesian Knowledge Tracing mastery criterion
 * @param cost        the per-concept learning cost ({@link org.tutorgraph.planner.cost.ConceptCost})
 * @param sequence    the sequence cost of an order ({@link org.tutorgraph.planner.cost.SequenceCostModel})
 * @param order       local-search settings of the orderer
 * @param unavailable concepts that cannot be taught now (no material, teacher's choice); goals that need them are
 *                    reported unreachable and anyOf groups avoid them
 */
public record PlanConfig(double threshold, CostConfig cost, SequenceConfig sequence, OrderConfig order, Set<String> unavailable) {

    public static final double DEFAULT_THRESHOLD = 0.95;

    public static final PlanConfig DEFAULT =
            new PlanConfig(DEFAULT_THRESHOLD, CostConfig.DEFAULT, SequenceConfig.DEFAULT, OrderConfig.DEFAULT, Set.of());

    public PlanConfig {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        if (cost == null) cost = CostConfig.DEFAULT;
        if (sequence == null) sequence = SequenceConfig.DEFAULT;
        if (order == null) order = OrderConfig.DEFAULT;
        unavailable = unavailable == null ? Set.of() : Set.copyOf(unavailable);
    }

    public PlanConfig withThreshold(double value) {
        return new PlanConfig(value, cost, sequence, order, unavailable);
    }

    public PlanConfig withUnavailable(Set<String> value) {
        return new PlanConfig(threshold, cost, sequence, order, value);
    }

    public PlanConfig withOrder(OrderConfig value) {
        return new PlanConfig(threshold, cost, sequence, value, unavailable);
    }
}
