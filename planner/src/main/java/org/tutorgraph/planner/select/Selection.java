package org.tutorgraph.planner.select;

/**
 * Which concepts a plan teaches, and how each anyOf group on the way is satisfied.
 *
 * @param members   the concepts to learn (unmastered), goals included, in no particular order
 * @param satisfier per anyOf group index: the alternative the plan relies on (a member, or a mastered concept), or
 *                  -1 for groups the plan does not need
 * @param cost      Σ cost of the members (minutes, {@link org.tutorgraph.planner.cost.ConceptCost})
 * @param goals     the goals the selection reaches (reachable and not yet mastered)
 */
public record Selection(int[] members, int[] satisfier, double cost, int[] goals) {

    public int size() {
        return members.length;
    }
}
