package org.tutorgraph.answer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether two expressions or two equations mean the same, by value at seeded random points (the classic
 * Schwartz–Zippel style test: two different polynomials agree at random real points with probability zero).
 *
 * <ul>
 *   <li>Expressions are the same when they agree (relative tolerance 1e-9) at every sample point where both are
 *       defined; points where either is undefined (division by zero, a negative square root) are skipped. Fewer than
 *       three usable points (or none for constants) gives {@link Verdict#UNKNOWN}.</li>
 *   <li>Equations {@code L1 = R1} and {@code L2 = R2} are the same when {@code L2 − R2} is a nonzero constant multiple
 *       of {@code L1 − R1} ({@code y = 2x + 3} ≡ {@code 2y − 4x = 6}). This is sufficient for the same solution set,
 *       and necessary for linear equations; for non-linear ones it is stricter than solution-set equality
 *       ({@code x = 2} and {@code x³ = 8} are reported different).</li>
 * </ul>
 * Sample points are fixed per variable set (seeded), so verdicts are deterministic. O(points × expression size).
 */
public final class Equivalence {

    /** The outcome of a comparison. */
    public enum Verdict { SAME, DIFFERENT, UNKNOWN }

    /** Number of sample points per comparison. */
    public static final int POINTS = 8;
    private static final int MIN_DEFINED = 3;
    private static final long SEED = 0x7475746f72L; // "tutor"
    private static final Map<Set<String>, List<Map<String, BigDecimal>>> POINT_CACHE = new ConcurrentHashMap<>();

    private Equivalence() {
    }

    /** Whether two expressions take the same values. */
    public static Verdict expressions(MathForm.Expr a, MathForm.Expr b) {
        List<Map<String, BigDecimal>> points = points(union(a.variables(), b.variables()));
        double[] va = a.valuesAt(points);
        double[] vb = b.valuesAt(points);
        int defined = 0;
        for (int i = 0; i < va.length; i++) {
            if (Double.isNaN(va[i]) || Double.isNaN(vb[i])) continue;
            defined++;
            if (!close(va[i], vb[i])) return Verdict.DIFFERENT;
        }
        return defined >= Math.min(MIN_DEFINED, points.size()) ? Verdict.SAME : Verdict.UNKNOWN;
    }

    /** Whether two equations are nonzero multiples of each other (see the class comment). */
    public static Verdict equations(MathForm.Equation a, MathForm.Equation b) {
        Set<String> vars = union(a.variables(), b.variables());
        List<Map<String, BigDecimal>> points = points(vars);
        double[] f = differences(a, points);
        double[] g = differences(b, points);
        int defined = 0;
        double ratio = Double.NaN;
        for (int i = 0; i < f.length; i++) {
            if (Double.isNaN(f[i]) || Double.isNaN(g[i])) continue;
            defined++;
            boolean fz = nearZero(f[i]);
            boolean gz = nearZero(g[i]);
            if (fz != gz) return Verdict.DIFFERENT;
            if (fz) continue;
            double r = g[i] / f[i];
            if (Double.isNaN(ratio)) {
                ratio = r;
            } else if (!close(ratio, r)) {
                return Verdict.DIFFERENT;
            }
        }
        if (defined < Math.min(MIN_DEFINED, points.size())) return Verdict.UNKNOWN;
        return Verdict.SAME; // a constant ratio, or both identities (allZero: x = x)
    }

    private static double[] differences(MathForm.Equation e, List<Map<String, BigDecimal>> points) {
        double[] l = e.left().valuesAt(points);
        double[] r = e.right().valuesAt(points);
        double[] d = new double[l.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = l[i] - r[i];
            // a difference far below the size of its sides is rounding noise
            if (!Double.isNaN(d[i]) && Math.abs(d[i]) <= 1e-9 * Math.max(1, Math.max(Math.abs(l[i]), Math.abs(r[i])))) d[i] = 0;
        }
        return d;
    }

    /**
     * Relative closeness with an absolute floor of 1e-9. Only finite values are close to anything: with an infinity the
     * bound itself is infinite, and {@code 1e999} (read as +∞) would be "close" to every answer.
     */
    public static boolean close(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) return false;
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean nearZero(double d) {
        return d == 0;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The sample points for a set of variables: {@value #POINTS} points (one when there are no variables), each
     * variable drawn from ±[0.5, 3.5] with four decimals, half of them negative, from a seed fixed per variable set.
     */
    static List<Map<String, BigDecimal>> points(Set<String> variables) {
        if (variables.isEmpty()) return List.of(Map.of());
        return POINT_CACHE.computeIfAbsent(Set.copyOf(variables), vars -> {
            Random random = new Random(SEED ^ new TreeSet<>(vars).toString().hashCode());
            List<Map<String, BigDecimal>> out = new ArrayList<>(POINTS);
            for (int i = 0; i < POINTS; i++) {
                Map<String, BigDecimal> p = new HashMap<>();
                for (String v : new TreeSet<>(vars)) {
                    double magnitude = 0.5 + 3 * random.nextDouble();
                    boolean negative = (i % 2 == 1) ^ (random.nextInt(4) == 0);
                    p.put(v, BigDecimal.valueOf(negative ? -magnitude : magnitude).setScale(4, RoundingMode.HALF_EVEN));
                }
                out.add(Map.copyOf(p));
            }
            return List.copyOf(out);
        });
    }
}
