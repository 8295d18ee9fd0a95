package org.tutorgraph.planner.select;

import org.tutorgraph.planner.IntList;
import org.tutorgraph.planner.PlannerGraph;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Chooses what to learn: the prerequisite closure of the goals, with anyOf groups settled by greedy weighted set
 * cover.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li><b>Forced part.</b> Add every unmastered goal and, recursively, every unmastered {@code requires} parent.
 *   With only {@code requires} edges this is the whole answer: every feasible plan must contain this closure and
 *   the closure is feasible, so it is the unique minimal plan — exact, O(V + E) over the goals' ancestors.</li>
 *   <li><b>Requirements.</b> Each anyOf group of a chosen concept with no alternative mastered or chosen is an open
 *   requirement w ∈ W.</li>
 *   <li><b>Options.</b> Choosing alternative a adds its marginal closure M(a) = a plus its unmastered
 *   {@code requires} ancestors not yet chosen, at marginal cost c(M(a)), and satisfies every open group that has a
 *   member in M(a).</li>
 *   <li><b>Greedy.</b> Repeatedly take the option with the lowest c(M(a)) / (number of open groups it satisfies),
 *   ties to the earliest concept in topological order; add M(a); groups of the newly added concepts that are not
 *   already satisfied open as new requirements. Stop when no group is open.</li>
 *   <li><b>Prune.</b> Keep only what the goals need ({@link Selections#needed}): an early choice made redundant by
 *   a later one is dropped. Pruning never raises the cost.</li>
 *   <li><b>Swap.</b> A local search tries each other alternative for each group the plan relies on and keeps
 *   any swap that lowers the cost ({@link SwapImprover}; within a work budget).</li>
 * </ol>
 *
 * <h2>Guarantee, and where it holds</h2>
 * When the requirements are fixed after step 2 (no alternative's closure contains a concept with a further
 * unsatisfied anyOf group), the problem is weighted set cover: universe W, one set per alternative a, namely the
 * groups M(a) meets, with cost c(M(a)). Charge the cost of each greedy pick equally to the requirements it newly
 * satisfies ("prices"); the greedy total is the sum of the prices. Take any set S of a cover and order its k
 * elements by the time greedy satisfies them: when the j-th from last is satisfied, S itself is still available,
 * satisfies at least j open requirements, and its marginal cost is at most its own cost c_S (marginal closures only
 * shrink as the plan grows). Greedy took the best ratio, so that element's price is ≤ c_S / j; summing,
 * the elements of S are priced at most c_S · H(k) with H(k) = 1 + 1/2 + … + 1/k ≤ 1 + ln k. Summing over the sets
 * of an optimal cover: <b>cost(greedy) ≤ H(max |S|) · OPT_sc ≤ (1 + ln |W|) · OPT_sc</b>. Here OPT_sc prices each
 * chosen alternative at its own closure cost; it equals the true optimum when the chosen alternatives' closures do
 * not overlap, and over-counts shared ancestors otherwise, so for overlapping closures the bound is relative to
 * that over-count. When choosing an alternative opens new groups (nested anyOf), the problem is an AND/OR-graph
 * (directed Steiner-like) problem and no logarithmic bound is claimed: the evaluation measures the ratio against
 * {@link ExactSelector} instead. Pruning and swapping only lower the cost, so the bound survives them.
 *
 * <h2>Nested groups</h2>
 * An option whose closure contains concepts with unsatisfied anyOf groups of their own creates new requirements.
 * Its ratio then also counts a look-ahead estimate of their cost: for each such group the cheapest alternative's
 * marginal closure, {@value #LOOKAHEAD} levels deep, ignoring overlaps (each nested closure explored up to
 * {@value #LOOKAHEAD_BUDGET} concepts). The estimate is zero in the flat case, so the bound above is unaffected.
 *
 * <h2>Complexity</h2>
 * Each option's marginal closure is explored once, when its group opens, and recorded in an inverted index
 * (concept → options whose closure contains it). Closures only shrink as the plan grows, and a concept joining the
 * plan removes exactly itself from every closure containing it, so marginal costs and coverage counts are kept
 * exact by decrements along the index — no closure is explored twice. The queue holds the ratios without
 * look-ahead, which are lower bounds; the look-ahead is computed only for the option at the head of the queue
 * (lazy evaluation: if the completed ratio still beats the next lower bound, it is the true minimum). Total
 * O(Σ |M(a)| · log Q) over the options, plus the forced closure, plus the look-ahead of the options that reach
 * the head of the queue.
 */
public final class GreedySelector {

    /** How many levels of nested anyOf groups an option's cost looks ahead. */
    static final int LOOKAHEAD = 2;
    /** At most this many concepts are explored for one nested alternative's closure. */
    static final int LOOKAHEAD_BUDGET = 256;

    private final SelectionProblem problem;
    private final PlannerGraph graph;
    private final int n;
    private final boolean[] inX;
    private final IntList members = new IntList(64);
    private final int[] satisfier;
    private final boolean[] open;
    private int openCount;

    private final boolean[] evaluated;
    private final double[] marginalCost;
    private final int[] coverage;
    private final int[] version;
    private IntList[] inverted;
    private final int[] touchStamp;
    private int touchStampValue;
    private final int[] closureStamp;
    private int closureStampValue;
    private final int[] groupStamp;
    private int groupStampValue;
    private final IntList scratch = new IntList(64);
    private final IntList changed = new IntList(64);
    private final int[] changedStamp;
    private int changedStampValue = 1;
    private final PriorityQueue<Option> queue = new PriorityQueue<>();

    private int[][] levelStamp;
    private int[] levelValue;
    private IntList[] levelList;
    private int[][] groupLevelStamp;
    private int[] groupLevelValue;

    /** A queued option; {@code lookahead} tells whether the ratio includes the look-ahead estimate. */
    private record Option(double ratio, int topo, int concept, int version, boolean lookahead) implements Comparable<Option> {
        @Override
        public int compareTo(Option o) {
            int c = Double.compare(ratio, o.ratio);
            return c != 0 ? c : Integer.compare(topo, o.topo);
        }
    }

    private GreedySelector(SelectionProblem problem) {
        this.problem = problem;
        this.graph = problem.graph();
        this.n = graph.size();
        inX = new boolean[n];
        satisfier = new int[graph.groupCount()];
        Arrays.fill(satisfier, -1);
        open = new boolean[graph.groupCount()];
        evaluated = new boolean[n];
        marginalCost = new double[n];
        coverage = new int[n];
        version = new int[n];
        touchStamp = new int[n];
        closureStamp = new int[n];
        groupStamp = new int[graph.groupCount()];
        changedStamp = new int[n];
    }

    /**
     * Selects the concepts to learn so that every goal in {@code goals} becomes reachable.
     *
     * @param goals reachable, unmastered goals ({@link SelectionProblem#available})
     */
    public static Selection select(SelectionProblem problem, int[] goals) {
        GreedySelector run = new GreedySelector(problem);
        run.extend(goals);
        Selection pruned = Selections.needed(problem, goals, run.inX, run.satisfier);
        return graph(problem).groupCount() == 0 ? pruned : SwapImprover.improve(problem, goals, pruned);
    }

    private static PlannerGraph graph(SelectionProblem problem) {
        return problem.graph();
    }

    /** The greedy set after pruning, before the local search. */
    static Selection selectWithoutSwaps(SelectionProblem problem, int[] goals) {
        GreedySelector run = new GreedySelector(problem);
        run.extend(goals);
        return Selections.needed(problem, goals, run.inX, run.satisfier);
    }

    /** The greedy set before pruning and local search, for tests of the guarantee (which is stated for it). */
    static Selection selectUnpruned(SelectionProblem problem, int[] goals) {
        GreedySelector run = new GreedySelector(problem);
        run.extend(goals);
        int[] m = run.members.toArray();
        double cost = 0;
        for (int v : m) cost += problem.cost(v);
        return new Selection(m, run.satisfier.clone(), cost, goals.clone());
    }

    /**
     * Greedy extension of an existing set: used by incremental re-planning, which keeps the current plan and adds
     * only what a new requirement needs.
     *
     * @param inSet     the current members (modified: the additions are set)
     * @param satisfier the current group satisfiers, -1 where unknown (modified)
     * @param roots     concepts that must be added with their closures
     * @param recheck   groups of current members whose satisfier was lost: satisfied again, greedily if need be
     * @return the concepts added
     */
    public static int[] extend(SelectionProblem problem, boolean[] inSet, int[] satisfier, int[] roots, int[] recheck) {
        GreedySelector run = new GreedySelector(problem);
        System.arraycopy(inSet, 0, run.inX, 0, inSet.length);
        System.arraycopy(satisfier, 0, run.satisfier, 0, satisfier.length);
        IntList added = new IntList(16);
        for (int root : roots) run.forcedAdd(root, added);
        run.afterAdd(added);
        for (int g : recheck) run.checkGroup(g);
        run.requeueChanged();
        run.loop();
        int[] result = run.members.toArray();
        for (int v : result) inSet[v] = true;
        System.arraycopy(run.satisfier, 0, satisfier, 0, satisfier.length);
        return result;
    }

    private void extend(int[] roots) {
        IntList added = new IntList(64);
        for (int goal : roots) forcedAdd(goal, added);
        afterAdd(added);
        requeueChanged();
        loop();
    }

    private void loop() {
        IntList added = new IntList(64);
        while (openCount > 0) {
            Option best = queue.poll();
            if (best == null) {
                throw new IllegalStateException("an anyOf group has no available alternative; check availability first");
            }
            int a = best.concept;
            if (best.version != version[a] || inX[a] || coverage[a] == 0) continue;
            if (!best.lookahead) {
                double look = lookahead(a);
                if (look > 0) {
                    Option completed = new Option((marginalCost[a] + look) / coverage[a], best.topo, a, version[a], true);
                    Option next = queue.peek();
                    if (next != null && next.compareTo(completed) < 0) {
                        queue.add(completed);
                        continue;
                    }
                }
            }
            version[a]++;
            added.clear();
            forcedAdd(a, added);
            afterAdd(added);
            requeueChanged();
        }
    }

    /** Adds {@code v} and its unmastered requires-ancestors that are not yet in the set. */
    private void forcedAdd(int v, IntList added) {
        IntList stack = scratch;
        stack.clear();
        stack.add(v);
        while (!stack.isEmpty()) {
            int u = stack.pop();
            if (inX[u] || problem.mastered(u)) continue;
            inX[u] = true;
            members.add(u);
            added.add(u);
            for (int p : graph.requires(u)) {
                if (!inX[p] && !problem.mastered(p)) stack.add(p);
            }
        }
    }

    /** Updates closures, coverage and groups after {@code added} joined the set. */
    private void afterAdd(IntList added) {
        for (int i = 0; i < added.size(); i++) {
            int u = added.get(i);
            for (int g : graph.groupsContaining(u)) {
                if (open[g]) {
                    open[g] = false;
                    openCount--;
                    satisfier[g] = u;
                    adjustCoverage(g, -1);
                }
            }
            if (inverted != null && inverted[u] != null) {
                double c = problem.cost(u);
                IntList list = inverted[u];
                for (int k = 0; k < list.size(); k++) {
                    int cand = list.get(k);
                    if (inX[cand]) continue;
                    marginalCost[cand] -= c;
                    markChanged(cand);
                }
                inverted[u] = null;
            }
        }
        for (int i = 0; i < added.size(); i++) {
            for (int g : graph.groupsOf(added.get(i))) checkGroup(g);
        }
    }

    /** Records how group {@code g} is satisfied, or opens it as a requirement with its alternatives as options. */
    private void checkGroup(int g) {
        if (satisfier[g] >= 0 || open[g]) return;
        for (int a : graph.alternatives(g)) {
            if (problem.mastered(a) || inX[a]) {
                satisfier[g] = a;
                return;
            }
        }
        open[g] = true;
        openCount++;
        adjustCoverage(g, +1);
        for (int a : graph.alternatives(g)) {
            if (!evaluated[a] && problem.available(a)) evaluate(a);
        }
    }

    /** Every evaluated option whose closure meets group {@code g} satisfies one more (or one fewer) open group. */
    private void adjustCoverage(int g, int delta) {
        if (inverted == null) return;
        touchStampValue++;
        for (int m : graph.alternatives(g)) {
            IntList list = inverted[m];
            if (list == null) continue;
            for (int k = 0; k < list.size(); k++) {
                int cand = list.get(k);
                if (touchStamp[cand] == touchStampValue || inX[cand]) continue;
                touchStamp[cand] = touchStampValue;
                coverage[cand] += delta;
                markChanged(cand);
            }
        }
    }

    private void markChanged(int cand) {
        if (changedStamp[cand] != changedStampValue) {
            changedStamp[cand] = changedStampValue;
            changed.add(cand);
        }
    }

    private void requeueChanged() {
        for (int i = 0; i < changed.size(); i++) {
            int a = changed.get(i);
            if (inX[a]) continue;
            version[a]++;
            if (coverage[a] > 0) queue.add(new Option(marginalCost[a] / coverage[a], graph.topoPos(a), a, version[a], false));
        }
        changed.clear();
        changedStampValue++;
    }

    /** Explores the marginal closure of option {@code a} once: its cost, the open groups it meets, the index. */
    private void evaluate(int a) {
        if (inverted == null) inverted = new IntList[n];
        evaluated[a] = true;
        closureStampValue++;
        groupStampValue++;
        IntList stack = scratch;
        stack.clear();
        stack.add(a);
        closureStamp[a] = closureStampValue;
        double cost = 0;
        int covered = 0;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            cost += problem.cost(u);
            if (inverted[u] == null) inverted[u] = new IntList(2);
            inverted[u].add(a);
            for (int g : graph.groupsContaining(u)) {
                if (open[g] && groupStamp[g] != groupStampValue) {
                    groupStamp[g] = groupStampValue;
                    covered++;
                }
            }
            for (int p : graph.requires(u)) {
                if (closureStamp[p] != closureStampValue && !inX[p] && !problem.mastered(p)) {
                    closureStamp[p] = closureStampValue;
                    stack.add(p);
                }
            }
        }
        marginalCost[a] = cost;
        coverage[a] = covered;
        markChanged(a);
    }

    /**
     * Estimated cost of the anyOf groups that option {@code a}'s closure would open (they are not requirements yet,
     * so choosing it creates them). 0 when it opens none.
     */
    private double lookahead(int a) {
        if (levelStamp == null) {
            levelStamp = new int[LOOKAHEAD + 1][];
            levelValue = new int[LOOKAHEAD + 1];
            levelList = new IntList[LOOKAHEAD + 1];
            groupLevelStamp = new int[LOOKAHEAD + 1][];
            groupLevelValue = new int[LOOKAHEAD + 1];
            for (int l = 0; l <= LOOKAHEAD; l++) {
                levelStamp[l] = new int[n];
                levelList[l] = new IntList(16);
                groupLevelStamp[l] = new int[graph.groupCount()];
            }
        }
        int value = ++levelValue[0];
        IntList closure = levelList[0];
        closure.clear();
        IntList stack = new IntList(16);
        stack.add(a);
        levelStamp[0][a] = value;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            closure.add(u);
            for (int p : graph.requires(u)) {
                if (levelStamp[0][p] != value && !inX[p] && !problem.mastered(p)) {
                    levelStamp[0][p] = value;
                    stack.add(p);
                }
            }
        }
        return nestedGroups(0);
    }

    /** Whether {@code v} is mastered, chosen, or in the closure being evaluated at any level up to {@code level}. */
    private boolean covered(int v, int level) {
        if (inX[v] || problem.mastered(v)) return true;
        for (int l = 0; l <= level; l++) if (levelStamp[l][v] == levelValue[l]) return true;
        return false;
    }

    /** For each group opened by the closure at {@code level}: the cheapest alternative's estimated cost. */
    private double nestedGroups(int level) {
        if (level >= LOOKAHEAD) return 0;
        IntList closure = levelList[level];
        int[] groupMark = groupLevelStamp[level];
        int mark = ++groupLevelValue[level];
        double total = 0;
        for (int i = 0; i < closure.size(); i++) {
            for (int h : graph.groupsOf(closure.get(i))) {
                if (open[h] || groupMark[h] == mark) continue;
                groupMark[h] = mark;
                boolean satisfied = false;
                for (int b : graph.alternatives(h)) {
                    if (covered(b, level)) {
                        satisfied = true;
                        break;
                    }
                }
                if (satisfied) continue;
                double best = Double.POSITIVE_INFINITY;
                for (int b : graph.alternatives(h)) {
                    if (problem.available(b)) best = Math.min(best, nestedCost(b, level + 1));
                }
                if (best < Double.POSITIVE_INFINITY) total += best;
            }
        }
        return total;
    }

    /** Marginal closure cost of {@code b} on top of the lower levels (explored up to the budget), plus its own look-ahead. */
    private double nestedCost(int b, int level) {
        int[] stamp = levelStamp[level];
        int value = ++levelValue[level];
        IntList closure = levelList[level];
        closure.clear();
        IntList stack = new IntList(8);
        stack.add(b);
        stamp[b] = value;
        double cost = 0;
        while (!stack.isEmpty() && closure.size() < LOOKAHEAD_BUDGET) {
            int u = stack.pop();
            closure.add(u);
            cost += problem.cost(u);
            for (int p : graph.requires(u)) {
                if (stamp[p] != value && !covered(p, level - 1)) {
                    stamp[p] = value;
                    stack.add(p);
                }
            }
        }
        return cost + nestedGroups(level);
    }
}
