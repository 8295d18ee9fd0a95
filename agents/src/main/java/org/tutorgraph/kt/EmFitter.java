package org.tutorgraph.kt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits BKT parameters per skill by expectation–maximisation (Baum–Welch) on the skill's sequences, one sequence per
 * student, with several seeded random restarts keeping the best log-likelihood.
 *
 * <p><b>E-step</b>: a scaled forward pass stores the filtered P(known) of every response; a backward pass turns the
 * filtered values into smoothed ones with the two-slice identity
 * {@code ξ_t(i,j) = α_t(i) A(i,j) γ_{t+1}(j) / P(state_{t+1} = j | answers ≤ t)}, accumulating the expected initial,
 * transition and emission counts on the way. Two states, so every step is a handful of multiply–adds.
 * <b>M-step</b>: the usual ratios of expected counts; slip and guess are clamped to their bounds, which is the exact
 * maximiser of the expected complete log-likelihood under the box constraint (it is concave and separable in each
 * parameter), so every iteration still never decreases the likelihood.
 *
 * <p><b>Cost</b>: O(N) time per iteration for N responses of a skill, O(longest sequence) extra memory per worker;
 * in total O(restarts × iterations × N) over all skills, spread over {@link FitOptions#threads()} workers, one task
 * per (skill, restart), largest first. Primitive arrays only, no boxing in the loops.
 *
 * <p>Initialisations draw, like pyBKT's, prior ~ U(0, 1), learn ~ U(0, 0.4), guess ~ U(0, 0.4), slip ~ U(0, 0.3) and,
 * when fitted, forget ~ U(0, 0.4) (each within its bound).
 */
public final class EmFitter {

    /** Parameters never go below this or above one minus this, so logs and ratios stay finite. */
    static final double EPS = 1e-6;

    private final FitOptions options;

    public EmFitter(FitOptions options) {
        this.options = options;
    }

    /** Fits every skill of {@code data}. */
    public FitResult fit(SkillSequences data) {
        long start = System.nanoTime();
        int skills = data.skillCount();
        int restarts = options.restarts();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < skills; k++) order.add(k);
        order.sort(Comparator.comparingInt(data::responses).reversed());
        List<Callable<Run>> tasks = new ArrayList<>(skills * restarts);
        for (int k : order) {
            for (int r = 0; r < restarts; r++) {
                int skill = k;
                int restart = r;
                tasks.add(() -> fitOnce(data, skill, restart));
            }
        }
        Run[] best = new Run[skills];
        for (Run run : runAll(tasks)) {
            Run b = best[run.skill];
            if (b == null || run.logLikelihood > b.logLikelihood
                    || (run.logLikelihood == b.logLikelihood && run.restart < b.restart)) {
                best[run.skill] = run;
            }
        }
        List<SkillFit> fits = new ArrayList<>(skills);
        for (int k = 0; k < skills; k++) {
            Run b = best[k];
            fits.add(new SkillFit(data.skills().get(k), b.params, b.logLikelihood, b.iterations, b.restart,
                    data.responses(k), data.sequences(k)));
        }
        return new FitResult(fits, options, (System.nanoTime() - start) / 1e9);
    }

    private List<Run> runAll(List<Callable<Run>> tasks) {
        int threads = Math.min(options.threads(), Math.max(1, tasks.size()));
        List<Run> out = new ArrayList<>(tasks.size());
        if (threads == 1) {
            for (Callable<Run> t : tasks) {
                try {
                    out.add(t.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bkt-em");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Run> f : pool.invokeAll(tasks)) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Run(int skill, int restart, BktParams params, double logLikelihood, int iterations) {
    }

    /** A per-(seed, skill, restart) stream: the same draws whatever the thread that runs it. */
    static SplittableRandom randomFor(long seed, String skill, int restart) {
        long h = seed * 0x9E3779B97F4A7C15L + skill.hashCode() * 0xC2B2AE3D27D4EB4FL + restart * 0x165667B19E3779F9L;
        return new SplittableRandom(h);
    }

    private Run fitOnce(SkillSequences data, int skill, int restart) {
        SplittableRandom random = randomFor(options.seed(), data.skills().get(skill), restart);
        double[] p = new double[5];
        p[PRIOR] = random.nextDouble();
        p[LEARN] = random.nextDouble() * 0.4;
        p[GUESS] = Math.min(random.nextDouble() * 0.4, options.maxGuess());
        p[SLIP] = Math.min(random.nextDouble() * 0.3, options.maxSlip());
        p[FORGET] = options.forgets() ? random.nextDouble() * 0.4 : 0.0;
        clamp(p);
        int q0 = data.skillSeqStart()[skill];
        int q1 = data.skillSeqStart()[skill + 1];
        Fit fit = em(data.obs(), data.seqStart(), q0, q1, p);
        return new Run(skill, restart, new BktParams(fit.p[PRIOR], fit.p[LEARN], fit.p[SLIP], fit.p[GUESS], fit.p[FORGET]),
                fit.logLikelihood, fit.iterations);
    }

    static final int PRIOR = 0;
    static final int LEARN = 1;
    static final int FORGET = 2;
    static final int GUESS = 3;
    static final int SLIP = 4;

    private record Fit(double[] p, double logLikelihood, int iterations) {
    }

    private void clamp(double[] p) {
        for (int i = 0; i < p.length; i++) p[i] = Math.max(EPS, Math.min(1 - EPS, p[i]));
        p[GUESS] = Math.min(p[GUESS], options.maxGuess() - EPS);
        p[SLIP] = Math.min(p[SLIP], options.maxSlip() - EPS);
        if (!options.forgets()) p[FORGET] = 0.0;
    }

    /**
     * EM from the initial parameters {@code p} (modified in place) over sequences {@code q0 .. q1-1}. Stops when
     * the log-likelihood improves by less than {@code tolerance × responses}, or after {@code maxIterations}.
     */
    private Fit em(byte[] obs, int[] seqStart, int q0, int q1, double[] p) {
        int maxLen = 1;
        for (int q = q0; q < q1; q++) maxLen = Math.max(maxLen, seqStart[q + 1] - seqStart[q]);
        int n = seqStart[q1] - seqStart[q0];
        double[] alphaK = new double[maxLen];
        double[] alphaU = new double[maxLen];
        double[] counts = new double[COUNTS];
        double tol = options.tolerance() * n;
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        while (it < options.maxIterations()) {
            ll = expect(obs, seqStart, q0, q1, p, alphaK, alphaU, counts);
            it++;
            if (ll - previous < tol) break;
            previous = ll;
            maximise(p, counts, q1 - q0);
        }
        return new Fit(p, ll, it);
    }

    static final int INIT_K = 0;
    static final int T_UK = 1;
    static final int T_UU = 2;
    static final int T_KU = 3;
    static final int T_KK = 4;
    static final int E_K = 5;
    static final int E_K_WRONG = 6;
    static final int E_U = 7;
    static final int E_U_RIGHT = 8;
    static final int COUNTS = 9;

    /**
     * One E-step: fills {@code counts} with expected counts and returns the log-likelihood. O(responses).
     *
     * <p>Both state probabilities are carried separately (not as {@code 1 − p}), so that a tiny P(unknown) after a
     * long run of correct answers keeps its precision and can grow back after errors, as in exact arithmetic.
     * Each step depends on the previous one, so the loops are latency-bound: the forward pass therefore normalises
     * lazily (only when the pair gets small, the scale going into the log-likelihood), and the backward pass
     * normalises the stored pair and inverts the one-step prediction off the dependency chain.
     */
    static double expect(byte[] obs, int[] seqStart, int q0, int q1, double[] p, double[] alphaK, double[] alphaU,
                         double[] counts) {
        final double prior = p[PRIOR];
        final double learn = p[LEARN];
        final double noLearn = 1.0 - learn;
        final double forget = p[FORGET];
        final double stay = 1.0 - forget;
        final double rightK = 1.0 - p[SLIP];
        final double wrongK = p[SLIP];
        final double rightU = p[GUESS];
        final double wrongU = 1.0 - p[GUESS];
        final double dK = rightK - wrongK;
        final double dU = rightU - wrongU;
        double initK = 0, uk = 0, uu = 0, ku = 0, kk = 0, eK = 0, eKWrong = 0, eU = 0, eURight = 0;
        double logLik = 0.0;
        for (int q = q0; q < q1; q++) {
            final int a = seqStart[q];
            final int len = seqStart[q + 1] - a;
            double pK = prior;
            double pU = 1.0 - prior;
            for (int t = 0; t < len; t++) {
                final double o = obs[a + t];
                double jK = pK * (wrongK + o * dK);
                double jU = pU * (wrongU + o * dU);
                final double c = jK + jU;
                if (c < 1e-100) {
                    logLik += Math.log(c);
                    jK /= c;
                    jU /= c;
                }
                alphaK[t] = jK;
                alphaU[t] = jU;
                pK = jK * stay + jU * learn;
                pU = jU * noLearn + jK * forget;
            }
            final double last = alphaK[len - 1] + alphaU[len - 1];
            logLik += Math.log(last);
            double gK = alphaK[len - 1] / last;
            double gU = alphaU[len - 1] / last;
            double o = obs[a + len - 1];
            eK += gK;
            eKWrong += gK * (1.0 - o);
            eU += gU;
            eURight += gU * o;
            for (int t = len - 2; t >= 0; t--) {
                final double inv = 1.0 / (alphaK[t] + alphaU[t]);
                final double fK = alphaK[t] * inv;
                final double fU = alphaU[t] * inv;
                final double predK = fK * stay + fU * learn;
                final double predU = fU * noLearn + fK * forget;
                // A prediction below 1e-290 has a smoothed value just as negligible; skipping it avoids 0 × ∞.
                final double iK = predK > 1e-290 ? 1.0 / predK : 0.0;
                final double iU = predU > 1e-290 ? 1.0 / predU : 0.0;
                final double rK = gK * iK;
                final double rU = gU * iU;
                final double xKK = fK * stay * rK;
                final double xKU = fK * forget * rU;
                final double xUK = fU * learn * rK;
                final double xUU = fU * noLearn * rU;
                kk += xKK;
                ku += xKU;
                uk += xUK;
                uu += xUU;
                gK = xKK + xKU;
                gU = xUK + xUU;
                o = obs[a + t];
                eK += gK;
                eKWrong += gK * (1.0 - o);
                eU += gU;
                eURight += gU * o;
            }
            initK += gK;
        }
        counts[INIT_K] = initK;
        counts[T_UK] = uk;
        counts[T_UU] = uu;
        counts[T_KU] = ku;
        counts[T_KK] = kk;
        counts[E_K] = eK;
        counts[E_K_WRONG] = eKWrong;
        counts[E_U] = eU;
        counts[E_U_RIGHT] = eURight;
        return logLik;
    }

    /** One M-step from the expected counts; a ratio with an empty denominator keeps the old value. */
    private void maximise(double[] p, double[] counts, int sequences) {
        p[PRIOR] = counts[INIT_K] / sequences;
        p[LEARN] = ratio(counts[T_UK], counts[T_UK] + counts[T_UU], p[LEARN]);
        if (options.forgets()) p[FORGET] = ratio(counts[T_KU], counts[T_KU] + counts[T_KK], p[FORGET]);
        p[GUESS] = ratio(counts[E_U_RIGHT], counts[E_U], p[GUESS]);
        p[SLIP] = ratio(counts[E_K_WRONG], counts[E_K], p[SLIP]);
        clamp(p);
    }

    private static double ratio(double num, double den, double keep) {
        return den > 0.0 ? num / den : keep;
    }
}
