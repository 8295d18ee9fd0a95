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
 * {@link ExactSelector} instead. Pruning only lowers the cost, so the bound survives it.
 *
 * <h2>Complexity</h2>
 * Options are kept in a priority queue; after each pick only the options whose marginal closure met the added
 * concepts, or whose groups opened or closed, are re-evaluated (an inverted index from concepts to the options
 * whose closures contain them). Each evaluation costs O(|M(a)| + edges); with R re-evaluations in total the run is
 * O(R · |M| · log R) plus the forced closure, in practice near-linear in the ancestors of the goals.
 */
public final class GreedySelector {

    private final SelectionProblem problem;
    private final PlannerGraph graph;
    private final boolean[] inX;
    private final IntList members = new IntList(64);
    private final int[] satisfier;
    private final boolean[] open;
    private int openCount;

    private final int[] version;
    private final boolean[] candidate;
    private IntList[] inverted;
    private final int[] dirtyStamp;
    private int dirtyStampValue = 1;
    private final IntList dirty = new IntList(64);
    private final int[] closureStamp;
    private int closureStampValue;
    private final int[] groupStamp;
    private int groupStampValue;
    private final IntList scratch = new IntList(64);
    private final PriorityQueue<Option> queue = new PriorityQueue<>();

    /** How many levels of nested anyOf groups an option's cost looks ahead. */
    static final int LOOKAHEAD = 2;
    private final int[][] levelStamp = new int[LOOKAHEAD + 1][];
    private final int[] levelValue = new int[LOOKAHEAD + 1];
    private final IntList[] levelList = new IntList[LOOKAHEAD + 1];
    private final int[][] groupLevelStamp = new int[LOOKAHEAD + 1][];
    private final int[] groupLevelValue = new int[LOOKAHEAD + 1];

    private record Option(double ratio, int topo, int concept, int version) implements Comparable<Option> {
        @Override
        public int compareTo(Option o) {
            int c = Double.compare(ratio, o.ratio);
            return c != 0 ? c : Integer.compare(topo, o.topo);
        }
    }

    private GreedySelector(SelectionProblem problem) {
        this.problem = problem;
        this.graph = problem.graph();
        int n = graph.size();
        inX = new boolean[n];
        satisfier = new int[graph.groupCount()];
        Arrays.fill(satisfier, -1);
        open = new boolean[graph.groupCount()];
        version = new int[n];
        candidate = new boolean[n];
        dirtyStamp = new int[n];
        closureStamp = new int[n];
        groupStamp = new int[graph.groupCount()];
        levelStamp[0] = closureStamp;
        for (int l = 0; l <= LOOKAHEAD; l++) {
            if (l > 0) levelStamp[l] = new int[n];
            levelList[l] = new IntList(16);
            groupLevelStamp[l] = new int[graph.groupCount()];
        }
    }

    /**
     * Selects the concepts to learn so that every goal in {@code goals} becomes reachable.
     *
     * @param goals reachable, unmastered goals ({@link SelectionProblem#available})
     */
    public static Selection select(SelectionProblem problem, int[] goals) {
        GreedySelector run = new GreedySelector(problem);
        run.extend(goals);
        return Selections.needed(problem, goals, run.inX, run.satisfier);
    }

    /** The greedy set before pruning, for tests of the guarantee (which is stated for it). */
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
        run.reevaluateDirty();
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
        reevaluateDirty();
        loop();
    }

    private void loop() {
        IntList added = new IntList(64);
        while (openCount > 0) {
            Option best = queue.poll();
            if (best == null) {
                throw new IllegalStateException("an anyOf group has no available alternative; check availability first");
            }
            if (best.version != version[best.concept] || inX[best.concept]) continue;
            version[best.concept]++;
            added.clear();
            forcedAdd(best.concept, added);
            afterAdd(added);
            reevaluateDirty();
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

    private void afterAdd(IntList added) {
        for (int i = 0; i < added.size(); i++) {
            int u = added.get(i);
            markInverted(u);
            if (candidate[u]) {
                candidate[u] = false;
                version[u]++;
            }
            for (int g : graph.groupsContaining(u)) {
                if (open[g]) {
                    open[g] = false;
                    openCount--;
                    satisfier[g] = u;
                    for (int a : graph.alternatives(g)) {
                        markDirty(a);
                        markInverted(a);
                    }
                }
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
        for (int a : graph.alternatives(g)) {
            if (problem.available(a)) candidate[a] = true;
            markDirty(a);
            markInverted(a);
        }
    }

    private void markDirty(int a) {
        if (dirtyStamp[a] != dirtyStampValue) {
            dirtyStamp[a] = dirtyStampValue;
            dirty.add(a);
        }
    }

    private void markInverted(int u) {
        if (inverted == null || inverted[u] == null) return;
        IntList list = inverted[u];
        for (int i = 0; i < list.size(); i++) markDirty(list.get(i));
        list.clear();
    }

    private void reevaluateDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            int a = dirty.get(i);
            if (!candidate[a] || inX[a]) continue;
            version[a]++;
            evaluate(a);
        }
        dirty.clear();
        dirtyStampValue++;
    }

    /** Computes the marginal closure of {@code a}, its cost and the open groups it satisfies; queues the option. */
    private void evaluate(int a) {
        if (inverted == null) inverted = new IntList[graph.size()];
        closureStampValue++;
        levelValue[0] = closureStampValue;
        groupStampValue++;
        IntList stack = scratch;
        IntList members = levelList[0];
        members.clear();
        stack.clear();
        stack.add(a);
        closureStamp[a] = closureStampValue;
        double cost = 0;
        int covered = 0;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            members.add(u);
            cost += problem.cost(u);
            register(u, a);
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
        if (covered > 0) queue.add(new Option((cost + lookahead(0, a)) / covered, graph.topoPos(a), a, version[a]));
    }

    private void register(int u, int candidateConcept) {
        if (inverted[u] == null) inverted[u] = new IntList(2);
        inverted[u].add(candidateConcept);
    }

    /** Whether {@code v} is mastered, chosen, or in the closure being evaluated at any level up to {@code level}. */
    private boolean covered(int v, int level) {
        if (inX[v] || problem.mastered(v)) return true;
        for (int l = 0; l <= level; l++) if (levelStamp[l][v] == levelValue[l]) return true;
        return false;
    }

    /**
     * Estimated cost of the anyOf groups that the closure at {@code level} would open (they are not requirements
     * yet, so choosing this option creates them): for each, the cheapest alternative's marginal closure, looking
     * {@value #LOOKAHEAD} levels deep and ignoring overlaps between them. Zero in the flat case, where the
     * set-cover bound applies.
     */
    private double lookahead(int level, int candidateConcept) {
        if (level >= LOOKAHEAD) return 0;
        IntList members = levelList[level];
        int[] groupMark = groupLevelStamp[level];
        int mark = ++groupLevelValue[level];
        double total = 0;
        for (int i = 0; i < members.size(); i++) {
            for (int h : graph.groupsOf(members.get(i))) {
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
                    if (problem.available(b)) best = Math.min(best, nestedCost(b, level + 1, candidateConcept));
                }
                if (best < Double.POSITIVE_INFINITY) total += best;
            }
        }
        return total;
    }

    /** Marginal closure cost of {@code b} on top of the closures of the lower levels, plus its own lookahead. */
    private double nestedCost(int b, int level, int candidateConcept) {
        int[] stamp = levelStamp[level];
        int value = ++levelValue[level];
        IntList members = levelList[level];
        members.clear();
        IntList stack = new IntList(8);
        stack.add(b);
        stamp[b] = value;
        double cost = 0;
        while (!stack.isEmpty()) {
            int u = stack.pop();
            members.add(u);
            cost += problem.cost(u);
            register(u, candidateConcept);
            for (int p : graph.requires(u)) {
                if (stamp[p] != value && !covered(p, level - 1)) {
                    stamp[p] = value;
                    stack.add(p);
                }
            }
        }
        return cost + lookahead(level, candidateConcept);
    }
}
