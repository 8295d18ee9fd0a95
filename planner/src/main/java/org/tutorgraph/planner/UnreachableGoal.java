package org.tutorgraph.planner;

/**
 * A goal the plan cannot reach, and why (an unknown id, a prerequisite that cannot be taught, an anyOf group with
 * no alternative available).
 */
public record UnreachableGoal(String goal, String reason) {
}
