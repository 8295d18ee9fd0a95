package org.tutorgraph.planner.cost;

/**
 * Parameters of the sequence cost of an ordered plan (see {@link SequenceCostModel}); every penalty is in minutes so
 * that it adds to the learning cost.
 *
 * @param switchMinutes       charged each time two consecutive steps belong to different areas (re-orienting,
 *                            "attention residue")
 * @param gapWindow           a prerequisite may sit up to this many steps before its use for free
 * @param gapMinutesPerStep   charged per step beyond the window between a prerequisite and the step that uses it
 *                            (the longer the gap, the more is forgotten before it is used)
 * @param gapCapMinutes       at most this much per prerequisite edge: past some distance the prerequisite needs a
 *                            refresher anyway, and a refresher costs about this much however long ago it was learned
 * @param jumpAllowance       a rise in difficulty up to this many levels from one step to the next is free
 * @param jumpMinutesPerLevel charged per difficulty level beyond the allowance (steep jumps overload)
 */
public record SequenceConfig(double switchMinutes, int gapWindow, double gapMinutesPerStep, double gapCapMinutes,
                             double jumpAllowance, double jumpMinutesPerLevel) {

    public static final SequenceConfig DEFAULT = new SequenceConfig(5.0, 3, 1.0, 10.0, 1.0, 4.0);

    public SequenceConfig {
        CostConfig.check("switchMinutes", switchMinutes, 0, 1e6);
        if (gapWindow < 0) throw new IllegalArgumentException("gapWindow must be ≥ 0, got " + gapWindow);
        CostConfig.check("gapMinutesPerStep", gapMinutesPerStep, 0, 1e6);
        CostConfig.check("gapCapMinutes", gapCapMinutes, 0, 1e9);
        CostConfig.check("jumpAllowance", jumpAllowance, 0, 10);
        CostConfig.check("jumpMinutesPerLevel", jumpMinutesPerLevel, 0, 1e6);
    }

    /** The penalty for a prerequisite used {@code distance} steps after it was learned (distance ≥ 1). */
    public double gapPenalty(int distance) {
        int excess = distance - 1 - gapWindow;
        return excess > 0 ? Math.min(gapCapMinutes, excess * gapMinutesPerStep) : 0;
    }

    /** The penalty for going from difficulty {@code from} to difficulty {@code to}. */
    public double jumpPenalty(double from, double to) {
        double excess = to - from - jumpAllowance;
        return excess > 0 ? excess * jumpMinutesPerLevel : 0;
    }
}
