package org.tutorgraph.planner.eval;

import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.IntList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded synthetic course graphs shaped like real curricula: a layered DAG (prerequisites come from the previous
 * few layers), areas that prerequisites mostly stay within, difficulty rising with depth, a few anyOf groups and
 * {@code supports} edges.
 *
 * <p>For n concepts ({@link Spec#of(int)}):
 * <ul>
 *   <li>L = max(3, round(2 log2 n)) layers of equal size (20 at 1k, 27 at 10k, 33 at 100k); concept i is in layer
 *   ⌊i L / n⌋;</li>
 *   <li>A = max(2, round(√n / 3)) areas; each concept's area is uniform;</li>
 *   <li>difficulty = 1 + 4 · layer / (L − 1) + N(0, 0.5), clamped to [1, 5] and rounded to 0.5; minutes = 5 ·
 *   difficulty · U(1, 3), rounded to a minute;</li>
 *   <li>each concept outside layer 0 has 1, 2 or 3 {@code requires} parents (probabilities 0.4, 0.4, 0.2) from the
 *   {@code window} = 3 previous layers, each in its own area with probability 0.7 (when that area has a concept
 *   there);</li>
 *   <li>with probability {@code anyOf} = 0.15 it also gets one anyOf group of 2 or 3 alternatives from the window,
 *   and with probability {@code supports} = 0.2 one {@code supports} edge of strength U(0.2, 1) from any earlier
 *   layer.</li>
 * </ul>
 * The same (spec, seed) always gives the same graph. O(n).
 */
public final class SyntheticGraphs {

    /**
     * Generator parameters.
     *
     * @param concepts    number of concepts
     * @param layers      number of layers
     * @param areas       number of areas
     * @param window      prerequisites come from this many previous layers
     * @param sameArea    probability that a prerequisite is taken from the concept's own area
     * @param anyOf       probability that a concept has an anyOf group
     * @param supports    probability that a concept has a supports edge
     */
    public record Spec(int concepts, int layers, int areas, int window, double sameArea, double anyOf, double supports) {
        public static Spec of(int concepts) {
            int layers = Math.max(3, (int) Math.round(2 * Math.log(Math.max(2, concepts)) / Math.log(2)));
            layers = Math.min(layers, Math.max(1, concepts));
            int areas = Math.max(2, (int) Math.round(Math.sqrt(concepts) / 3));
            return new Spec(concepts, layers, areas, 3, 0.7, 0.15, 0.2);
        }

        public Spec withAnyOf(double probability) {
            return new Spec(concepts, layers, areas, window, sameArea, probability, supports);
        }

        public Spec withLayers(int value) {
            return new Spec(concepts, value, areas, window, sameArea, anyOf, supports);
        }
    }

    private SyntheticGraphs() {
    }

    public static CourseGraph generate(int concepts, long seed) {
        return generate(Spec.of(concepts), seed);
    }

    public static CourseGraph generate(Spec spec, long seed) {
        Random rng = new Random(seed);
        int n = spec.concepts();
        int layers = Math.max(1, Math.min(spec.layers(), n));
        int width = String.valueOf(Math.max(0, n - 1)).length();
        String[] ids = new String[n];
        int[] layer = new int[n];
        int[] area = new int[n];
        List<IntList> byLayer = new ArrayList<>();
        List<List<IntList>> byLayerArea = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            byLayer.add(new IntList());
            List<IntList> perArea = new ArrayList<>(spec.areas());
            for (int a = 0; a < spec.areas(); a++) perArea.add(new IntList(2));
            byLayerArea.add(perArea);
        }
        CourseGraph.Builder b = CourseGraph.builder();
        for (int i = 0; i < n; i++) {
            layer[i] = (int) ((long) i * layers / n);
            area[i] = rng.nextInt(spec.areas());
            ids[i] = String.format(Locale.ROOT, "c%0" + width + "d", i);
            double difficulty = 1 + 4.0 * layer[i] / Math.max(1, layers - 1) + rng.nextGaussian() * 0.5;
            difficulty = Math.round(Math.max(1, Math.min(5, difficulty)) * 2) / 2.0;
            double minutes = Math.round(5 * difficulty * (1 + 2 * rng.nextDouble()));
            b.concept(new Concept(ids[i], "Concept " + i, "", difficulty, minutes, "area-" + area[i]));
            byLayer.get(layer[i]).add(i);
            byLayerArea.get(layer[i]).get(area[i]).add(i);
        }
        for (int i = 0; i < n; i++) {
            int l = layer[i];
            if (l == 0) continue;
            int lo = Math.max(0, l - spec.window());
            double r = rng.nextDouble();
            int k = r < 0.4 ? 1 : r < 0.8 ? 2 : 3;
            Set<Integer> parents = new HashSet<>();
            for (int tries = 0; parents.size() < k && tries < 10 * k; tries++) {
                int pl = lo + rng.nextInt(l - lo);
                IntList pool = byLayerArea.get(pl).get(area[i]);
                if (pool.isEmpty() || rng.nextDouble() >= spec.sameArea()) pool = byLayer.get(pl);
                if (pool.isEmpty()) continue;
                parents.add(pool.get(rng.nextInt(pool.size())));
            }
            for (int p : parents) b.requires(ids[p], ids[i]);
            if (rng.nextDouble() < spec.anyOf()) {
                int size = 2 + rng.nextInt(2);
                Set<Integer> alts = new HashSet<>();
                for (int tries = 0; alts.size() < size && tries < 10 * size; tries++) {
                    IntList pool = byLayer.get(lo + rng.nextInt(l - lo));
                    if (pool.isEmpty()) continue;
                    int a = pool.get(rng.nextInt(pool.size()));
                    if (!parents.contains(a)) alts.add(a);
                }
                if (alts.size() >= 2) {
                    List<String> list = alts.stream().sorted().map(a -> ids[a]).toList();
                    b.anyOf(new AnyOfGroup(ids[i] + "#1", ids[i], list));
                }
            }
            if (rng.nextDouble() < spec.supports()) {
                IntList pool = byLayer.get(rng.nextInt(l));
                if (!pool.isEmpty()) {
                    int s = pool.get(rng.nextInt(pool.size()));
                    if (!parents.contains(s)) b.supports(ids[s], ids[i], Math.round((0.2 + 0.8 * rng.nextDouble()) * 100) / 100.0);
                }
            }
        }
        return b.build();
    }
}
