package org.tutorgraph.planner;

import org.tutorgraph.planner.explain.PlanBuilder;
import org.tutorgraph.planner.order.Sequencer;
import org.tutorgraph.planner.select.GreedySelector;
import org.tutorgraph.planner.select.Selection;
import org.tutorgraph.planner.select.SelectionProblem;
import org.tutorgraph.planner.select.Selections;

import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.cost.SequenceCostModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One learner's plan, kept up to date as their mastery changes: what the Planner agent holds during a session.
 *
 * <p>{@link #update} re-plans only when the change affects the plan ({@link Plan#isInvalidatedBy}), and then only
 * the affected part:
 * <ul>
 *   <li><b>a concept becomes mastered</b> (the common case: the learner just learned the next step) — it leaves
 *   the plan, anyOf groups containing it switch to it, and whatever no longer leads to a goal leaves too, found by
 *   walking back from the removed concepts only; the order is filtered and the kept steps' explanations are patched
 *   rather than re-derived: O(affected · degree + m);</li>
 *   <li><b>a concept drops below the threshold</b> while a step or goal builds on it — when its missing closure
 *   needs no anyOf choice, it is inserted as one block, in course order, right before the first step that uses it
 *   (O(m · degree)); otherwise the closure is added with greedy set cover for the groups that need a choice
 *   ({@link GreedySelector#extend}), pruned, and the order repaired by Kahn's algorithm keyed by the previous
 *   positions ({@link Sequencer#repair}, O(m log m));</li>
 *   <li><b>a posterior moves without crossing the threshold</b> — costs change, the steps do not: no re-plan
 *   (O(supporters)); {@link #current()} shows refreshed costs.</li>
 * </ul>
 * With concepts marked unavailable or goals unreachable, a crossing falls back to planning from scratch (it may
 * change what is reachable). Repairs keep the plan valid (every prerequisite before its use, every reachable goal
 * planned) but skip the orderer's local search; {@link #replan()} recomputes from scratch when wanted.
 *
 * <p>Not thread-safe: one per learner session.
 */
public final class IncrementalPlanner {

    private final Planner planner;
    private final PlannerGraph graph;
    private final PlanConfig config;
    private final double[] posterior;
    private final List<String> goals;
    private SelectionProblem problem;
    private Planner.Goals split;
    private boolean[] inPlan;
    private int[] satisfier;
    private int[] order;
    private Plan plan;
    private boolean stale;
    private Step[] stepOf;
    /** Whether {@link #plan}'s explanations match the current satisfiers (so {@link #afterRemoval} may reuse them). */
    private boolean linksCurrent;

    IncrementalPlanner(Planner planner, double[] posterior, List<String> goals, PlanConfig config) {
        this.planner = planner;
        this.graph = planner.graph();
        this.config = config;
        this.posterior = posterior;
        this.goals = List.copyOf(goals);
        replan();
    }

    /** The current plan (costs refreshed if posteriors moved since it was made). */
    public Plan current() {
        if (stale) {
            plan = build();
            stale = false;
        }
        return plan;
    }

    /** Plans from scratch with the current posteriors. */
    public Plan replan() {
        Planner.Solved solved = planner.solve(posterior, goals, config);
        problem = solved.problem();
        split = planner.splitGoals(problem, goals);
        inPlan = new boolean[graph.size()];
        for (int v : solved.selection().members()) inPlan[v] = true;
        satisfier = solved.selection().satisfier().clone();
        order = solved.order();
        plan = solved.plan();
        remember(plan);
        stale = false;
        return plan;
    }

    /** The learner's current posterior for {@code concept}. */
    public double posterior(String concept) {
        return posterior[index(concept)];
    }

    /**
     * Records that {@code concept}'s posterior is now {@code newPosterior}.
     *
     * @return the new plan when its steps changed; empty when the current plan stays valid
     * @throws IllegalArgumentException for an unknown concept or a posterior outside [0, 1]
     */
    public Optional<Plan> update(String concept, double newPosterior) {
        int v = index(concept);
        if (!(newPosterior >= 0 && newPosterior <= 1)) {
            throw new IllegalArgumentException("posterior of " + concept + " must be in [0, 1], got " + newPosterior);
        }
        double threshold = config.threshold();
        boolean was = posterior[v] >= threshold;
        boolean now = newPosterior >= threshold;
        posterior[v] = newPosterior;
        problem.invalidateCost(v);
        for (int t : graph.supportTargets(v)) problem.invalidateCost(t);
        if (was == now) {
            stale = true;
            return Optional.empty();
        }
        int[] before = order;
        boolean replanned = false;
        if (problem.hasExclusions() || !split.unreachable().isEmpty()) {
            replan();
            replanned = true;
        } else if (now) {
            if (!onMastered(v)) {
                stale = true;
                return Optional.empty();
            }
        } else if (!onForgotten(v)) {
            stale = true;
            return Optional.empty();
        }
        if (Arrays.equals(before, order)) {
            // same steps, but a group may rely on another alternative now: explanations need a full rebuild
            stale = true;
            linksCurrent = false;
            return Optional.empty();
        }
        plan = now && !replanned && linksCurrent ? afterRemoval(v, before) : build();
        stale = false;
        return Optional.of(plan);
    }

    /**
     * {@code v} became mastered: groups containing it are satisfied by it now, and it leaves the plan; then whatever
     * no longer leads to a goal leaves too, walking back from the removed concepts only (the "cone" of the change).
     * O(removed · degree) plus O(m) to filter the order.
     */
    private boolean onMastered(int v) {
        IntList work = new IntList(8);
        boolean relevant = inPlan[v];
        for (int g : graph.groupsContaining(v)) {
            if (!inPlan[graph.groupConcept(g)]) continue;
            relevant = true;
            int old = satisfier[g];
            satisfier[g] = v;
            if (old >= 0 && old != v && inPlan[old]) work.add(old);
        }
        if (!relevant) return false;
        split = planner.splitGoals(problem, goals);
        if (inPlan[v]) leave(v, work);
        while (!work.isEmpty()) {
            int c = work.pop();
            if (inPlan[c] && !stillNeeded(c)) leave(c, work);
        }
        int kept = 0;
        int[] filtered = new int[order.length];
        for (int u : order) if (inPlan[u]) filtered[kept++] = u;
        order = Arrays.copyOf(filtered, kept);
        return true;
    }

    /** Takes {@code c} out of the plan and queues its prerequisites in the plan for a re-check. */
    private void leave(int c, IntList work) {
        inPlan[c] = false;
        for (int u : graph.requires(c)) if (inPlan[u]) work.add(u);
        for (int g : graph.groupsOf(c)) {
            int s = satisfier[g];
            if (s >= 0 && inPlan[s]) work.add(s);
            satisfier[g] = -1;
        }
    }

    /** Whether {@code c} is a planned goal or a prerequisite the plan relies on for a step still in it. */
    private boolean stillNeeded(int c) {
        for (int goal : split.planned()) if (goal == c) return true;
        for (int d : graph.dependents(c)) if (inPlan[d]) return true;
        for (int g : graph.groupsContaining(c)) if (satisfier[g] == c && inPlan[graph.groupConcept(g)]) return true;
        return false;
    }

    private boolean onForgotten(int v) {
        split = planner.splitGoals(problem, goals);
        boolean root = false;
        for (int goal : split.planned()) root |= goal == v;
        for (int d : graph.dependents(v)) root |= inPlan[d];
        IntList recheck = new IntList(2);
        boolean resettled = false;
        for (int g : graph.groupsContaining(v)) {
            if (satisfier[g] == v && inPlan[graph.groupConcept(g)]) {
                satisfier[g] = -1;
                for (int a : graph.alternatives(g)) {
                    if (a != v && problem.mastered(a)) {
                        satisfier[g] = a; // another alternative is mastered: rely on it
                        resettled = true;
                        break;
                    }
                }
                if (satisfier[g] < 0) recheck.add(g);
            }
        }
        if (!root && recheck.isEmpty()) {
            if (resettled) linksCurrent = false;
            return false;
        }
        if (recheck.isEmpty() && insertClosure(v)) return true;
        GreedySelector.extend(problem, inPlan, satisfier, root ? new int[]{v} : new int[0], recheck.toArray());
        Selection selection = adopt(Selections.needed(problem, split.planned(), inPlan, satisfier));
        order = Sequencer.repair(problem, selection, order, config.sequence());
        return true;
    }

    /**
     * Fast path of {@link #onForgotten}: when {@code v}'s missing closure needs no anyOf choice, add it as one block,
     * in topological order, right before the first step that uses any of it. Falls back (returns false, nothing
     * changed) when a group needs a choice or a prerequisite of the block sits after that point. O(m · degree).
     */
    private boolean insertClosure(int v) {
        IntList added = new IntList(8);
        IntList stack = new IntList(8);
        stack.add(v);
        while (!stack.isEmpty()) {
            int u = stack.pop();
            if (inPlan[u] || problem.mastered(u)) continue;
            inPlan[u] = true;
            added.add(u);
            for (int p : graph.requires(u)) if (!inPlan[p] && !problem.mastered(p)) stack.add(p);
        }
        IntList settled = new IntList(4);
        for (int i = 0; i < added.size(); i++) {
            for (int g : graph.groupsOf(added.get(i))) {
                int sat = -1;
                for (int a : graph.alternatives(g)) {
                    if (problem.mastered(a) || inPlan[a]) {
                        sat = a;
                        break;
                    }
                }
                if (sat < 0) return undo(added, settled);
                satisfier[g] = sat;
                settled.add(g);
            }
        }
        boolean[] isNew = new boolean[graph.size()];
        for (int i = 0; i < added.size(); i++) isNew[added.get(i)] = true;
        int insertAt = order.length;
        int[] position = new int[graph.size()];
        for (int k = 0; k < order.length && insertAt == order.length; k++) {
            int w = order[k];
            position[w] = k + 1;
            for (int p : graph.requires(w)) if (isNew[p]) insertAt = k;
        }
        for (int i = 0; i < added.size(); i++) {
            int u = added.get(i);
            for (int p : graph.requires(u)) if (inPlan[p] && !isNew[p] && !before(p, insertAt, position)) return undo(added, settled);
            for (int g : graph.groupsOf(u)) {
                int a = satisfier[g];
                if (inPlan[a] && !isNew[a] && !before(a, insertAt, position)) return undo(added, settled);
            }
        }
        int[] block = graph.sortTopologically(added.toArray());
        int[] next = new int[order.length + block.length];
        System.arraycopy(order, 0, next, 0, insertAt);
        System.arraycopy(block, 0, next, insertAt, block.length);
        System.arraycopy(order, insertAt, next, insertAt + block.length, order.length - insertAt);
        order = next;
        return true;
    }

    /** Whether plan step {@code p} comes before position {@code insertAt} ({@code position} holds k + 1 up to there). */
    private static boolean before(int p, int insertAt, int[] position) {
        return position[p] > 0 && position[p] - 1 < insertAt;
    }

    private boolean undo(IntList added, IntList settled) {
        for (int i = 0; i < added.size(); i++) inPlan[added.get(i)] = false;
        for (int i = 0; i < settled.size(); i++) satisfier[settled.get(i)] = -1;
        return false;
    }

    private Selection adopt(Selection selection) {
        Arrays.fill(inPlan, false);
        for (int u : selection.members()) inPlan[u] = true;
        satisfier = selection.satisfier();
        return selection;
    }

    private Plan build() {
        Plan built = PlanBuilder.build(problem, order, satisfier, split.asked(), split.planned(), split.mastered(),
                split.unreachable(), config.sequence());
        remember(built);
        return built;
    }

    /** Indexes the steps of {@code built} by concept, for {@link #afterRemoval}. */
    private void remember(Plan built) {
        linksCurrent = true;
        if (stepOf == null) stepOf = new Step[graph.size()];
        List<Step> steps = built.steps();
        for (int k = 0; k < order.length; k++) stepOf[order[k]] = steps.get(k);
    }

    /**
     * The plan after steps were only removed (a concept became mastered): the kept steps keep their explanations,
     * minus edges into removed steps and anyOf edges whose group now relies on the mastered concept; numbers, costs
     * and masteries are refreshed; the mastered concept joins the sources. O(steps + their edges), without
     * re-deriving the explanations.
     */
    private Plan afterRemoval(int v, int[] before) {
        Set<String> removed = new HashSet<>();
        for (int u : before) {
            if (!inPlan[u]) {
                removed.add(graph.id(u));
                stepOf[u] = null;
            }
        }
        Set<String> regrouped = new HashSet<>();
        for (int g : graph.groupsContaining(v)) if (satisfier[g] == v) regrouped.add(graph.groupId(g));
        String goneGoal = removed.contains(graph.id(v)) && plan.step(graph.id(v)).map(Step::goal).orElse(false)
                ? graph.id(v) : null;
        Map<List<String>, List<String>> goalLists = new IdentityHashMap<>();
        List<Step> steps = new ArrayList<>(order.length);
        double learning = 0;
        for (int k = 0; k < order.length; k++) {
            int u = order[k];
            Step old = stepOf[u];
            double cost = problem.cost(u);
            learning += cost;
            List<String> forGoals = goneGoal == null ? old.forGoals() : goalLists.computeIfAbsent(old.forGoals(),
                    list -> list.stream().filter(x -> !x.equals(goneGoal)).toList());
            Step step = new Step(k + 1, old.concept(), old.name(), old.area(), old.difficulty(), posterior[u], cost,
                    old.goal(), forGoals, keep(old.enables(), removed, regrouped));
            steps.add(step);
            stepOf[u] = step;
        }
        List<Source> sources = new ArrayList<>(plan.sources().size() + 1);
        for (Source src : plan.sources()) {
            List<Link> kept = keep(src.enables(), removed, regrouped);
            if (!kept.isEmpty()) sources.add(new Source(src.concept(), src.name(), posterior[graph.indexOf(src.concept())], kept));
        }
        List<Link> links = new ArrayList<>(4);
        for (int d : graph.dependents(v)) {
            if (!inPlan[d]) continue;
            int[] req = graph.requires(d);
            for (int i = 0; i < req.length; i++) if (req[i] == v) links.add(graph.requiresLink(d, i));
        }
        for (int g : graph.groupsContaining(v)) {
            if (satisfier[g] == v && inPlan[graph.groupConcept(g)]) links.add(graph.anyOfLinkFrom(g, v));
        }
        for (int t : graph.supportTargets(v)) {
            if (!inPlan[t]) continue;
            int[] by = graph.supportedBy(t);
            for (int i = 0; i < by.length; i++) {
                if (by[i] == v) links.add(new Link.Supports(graph.id(v), graph.id(t), graph.supportStrength(t)[i]));
            }
        }
        if (!links.isEmpty()) sources.add(new Source(graph.id(v), graph.course().concepts().get(v).name(), posterior[v], links));
        PlanTotals totals = new PlanTotals(order.length, learning, SequenceCostModel.evaluate(graph, order, config.sequence()));
        return new Plan(split.asked(), steps, sources, split.mastered(), split.unreachable(), totals, config.threshold());
    }

    /** {@code links} without edges into removed steps and anyOf edges of groups that now rely on another concept. */
    private static List<Link> keep(List<Link> links, Set<String> removed, Set<String> regrouped) {
        boolean all = true;
        for (Link link : links) all &= kept(link, removed, regrouped);
        if (all) return links;
        List<Link> out = new ArrayList<>(links.size());
        for (Link link : links) if (kept(link, removed, regrouped)) out.add(link);
        return out;
    }

    private static boolean kept(Link link, Set<String> removed, Set<String> regrouped) {
        if (removed.contains(link.target())) return false;
        return !(link instanceof Link.AnyOf a) || !regrouped.contains(a.group());
    }

    private int index(String concept) {
        int v = graph.indexOf(concept);
        if (v < 0) throw new IllegalArgumentException("unknown concept: " + concept);
        return v;
    }
}
