package org.tutorgraph.planner.cost;

/**
 * The sequence cost of an ordered plan, by component (minutes).
 *
 * @param switches   number of consecutive steps in different areas
 * @param switchCost {@code switches × switchMinutes}
 * @param gapCost    penalties for prerequisites learned long before their use
 * @param jumpCost   penalties for steep rises in difficulty
 */
public record SequenceCost(int switches, double switchCost, double gapCost, double jumpCost) {

    public static final SequenceCost ZERO = new SequenceCost(0, 0, 0, 0);

    public double total() {
        return switchCost + gapCost + jumpCost;
    }
}
