package org.tutorgraph.planner.cost;

/**
 * Parameters of the per-concept learning cost (see {@link ConceptCost} for the formula and its grounds).
 *
 * @param reviewFraction     ρ in [0, 1]: what re-learning a concept the learner already knows costs, as a fraction of
 *                           a first lesson (checking and consolidating is cheaper than learning from scratch)
 * @param difficultyWeight   β ≥ 0: extra cost per difficulty level above 1 (intrinsic load makes the same minutes
 *                           of material take longer and need more practice)
 * @param supportWeight      σ in [0, 1]: how much a fully known, full-strength {@code supports} source cuts the cost
 * @param maxSupportDiscount cap in [0, 1) on the total discount from supporters, so nothing becomes free
 */
public record CostConfig(double reviewFraction, double difficultyWeight, double supportWeight, double maxSupportDiscount) {

    public static final CostConfig DEFAULT = new CostConfig(0.25, 0.10, 0.5, 0.6);

    public CostConfig {
        check("reviewFraction", reviewFraction, 0, 1);
        check("difficultyWeight", difficultyWeight, 0, 10);
        check("supportWeight", supportWeight, 0, 1);
        check("maxSupportDiscount", maxSupportDiscount, 0, 0.99);
    }

    static void check(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
