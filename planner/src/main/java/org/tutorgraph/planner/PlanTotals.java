package org.tutorgraph.planner;

import org.tutorgraph.planner.cost.SequenceCost;

/**
 * What a plan costs.
 *
 * @param steps           number of steps
 * @param learningMinutes Σ step costs
 * @param sequence        the order's sequence cost, by component
 */
public record PlanTotals(int steps, double learningMinutes, SequenceCost sequence) {

    /** Learning plus sequence cost: the plan's whole cost in minutes. */
    public double total() {
        return learningMinutes + sequence.total();
    }
}
