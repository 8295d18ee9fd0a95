package org.tutorgraph.planner.cost;

import org.tutorgraph.planner.PlannerGraph;

/**
 * The cognitively grounded cost, in minutes, of bringing one concept to mastery:
 *
 * <pre>
 *   cost(v) = minutes(v) · gap(p_v) · load(v) · transfer(v)
 *
 *   gap(p)      = ρ + (1 − ρ) · (1 − p)                        expected work under the learner's belief
 *   load(v)     = 1 + β · (difficulty(v) − 1)                   intrinsic difficulty (1…5)
 *   transfer(v) = max(1 − D, Π_{u supports v} (1 − σ · s_uv · p_u))   prior knowledge that helps
 * </pre>
 *
 * <ul>
 *   <li>{@code gap}: with probability p (the knowledge-tracing posterior) the learner already knows v and only needs a
 *   review costing a fraction ρ of a lesson; with probability 1 − p they need the full lesson. So a partly known
 *   concept costs a review, not a lesson, and an unknown one costs the whole {@code minutes}.</li>
 *   <li>{@code load}: harder concepts take longer than their nominal minutes (more worked examples, more practice
 *   before mastery); β per level, 1.4× at difficulty 5 with the default β = 0.1.</li>
 *   <li>{@code transfer}: each {@code supports} source u with strength s cuts the cost by σ·s in proportion to how
 *   well u is known (p_u), compounding; the discount is capped at D so no concept becomes free.</li>
 * </ul>
 *
 * <p>Mastered concepts (posterior ≥ the threshold) are sources, not steps: the planner never charges for them.
 * The cost depends only on the learner's current posteriors, never on which other concepts the plan contains, so
 * the cost of a plan is the plain sum of its steps' costs — the property that makes the selection a (generalised)
 * weighted set cover. O(number of supporters of v).
 */
public final class ConceptCost {

    private ConceptCost() {
    }

    /** The cost of {@code v} for a learner whose posteriors are {@code posterior} (indexed like the graph). */
    public static double of(PlannerGraph graph, int v, double[] posterior, CostConfig config) {
        double p = clamp(posterior[v]);
        double gap = config.reviewFraction() + (1 - config.reviewFraction()) * (1 - p);
        double load = 1 + config.difficultyWeight() * Math.max(0, graph.difficulty(v) - 1);
        double transfer = 1;
        int[] supporters = graph.supportedBy(v);
        if (supporters.length > 0) {
            double[] strength = graph.supportStrength(v);
            for (int k = 0; k < supporters.length; k++) {
                transfer *= 1 - config.supportWeight() * strength[k] * clamp(posterior[supporters[k]]);
            }
            transfer = Math.max(1 - config.maxSupportDiscount(), transfer);
        }
        return graph.minutes(v) * gap * load * transfer;
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : Math.min(p, 1);
    }
}
