package org.convergence.engine.analysis;

import java.util.Arrays;

/**
 * Significance of theme overlap: the hypergeometric upper tail {@code P(X ≥ s)} for the shared count
 * {@code s} of two processes with {@code |A|} and {@code |B|} themes drawn from a universe of {@code N}
 * themes (the one-sided test of Fisher's exact test for a 2×2 table), and Benjamini–Hochberg adjusted
 * values (q-values) over the family of all {@code P(P−1)/2} process pairs (pairs sharing nothing have
 * p = 1).
 *
 * <p>The tail is summed from {@code s} upwards with the pmf recurrence
 * {@code f(k+1) = f(k)·(K−k)(n−k) / ((k+1)(N−K−n+k+1))}, starting from {@code f(s)} computed in log
 * space from a table of {@code ln k!}; {@code O(N)} set-up and {@code O(min(K, n) − s)} per pair.
 */
public final class Significance {

    private final int universe;
    private final double[] logFactorial;

    /**
     * @param universe number of themes N, at least 1
     */
    public Significance(int universe) {
        if (universe < 1) {
            throw new IllegalArgumentException("Value for `universe` was `" + universe
                    + "`, but must be within the range [1, 2147483647]");
        }
        this.universe = universe;
        this.logFactorial = new double[universe + 1];
        for (int k = 1; k <= universe; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
    }

    /**
     * @param shared observed shared count s
     * @param sizeA themes of the first process K
     * @param sizeB themes of the second process n
     * @return {@code P(X ≥ s)} for X hypergeometric(N, K, n), in [0, 1]
     */
    public double upperTail(int shared, int sizeA, int sizeB) {
        int n = universe;
        if (sizeA > n || sizeB > n || shared < 0) {
            throw new IllegalArgumentException("Values s=" + shared + ", |A|=" + sizeA + ", |B|=" + sizeB
                    + " are not a valid draw from a universe of " + n + " themes");
        }
        int lower = Math.max(0, sizeA + sizeB - n);
        int upper = Math.min(sizeA, sizeB);
        if (shared <= lower) {
            return 1.0;
        }
        if (shared > upper) {
            return 0.0;
        }
        double logTerm = logChoose(sizeA, shared) + logChoose(n - sizeA, sizeB - shared) - logChoose(n, sizeB);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (int k = shared; k <= upper; k++) {
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
            term *= (double) (sizeA - k) * (sizeB - k) / ((double) (k + 1) * (n - sizeA - sizeB + k + 1));
        }
        return Math.min(1.0, sum);
    }

    private double logChoose(int n, int k) {
        return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
    }

    /**
     * Benjamini–Hochberg step-up adjustment: {@code q_(i) = min_{j ≥ i} p_(j)·m / j}, capped at 1.
     *
     * @param p p-values of the tested hypotheses that are listed
     * @param family m, the number of hypotheses in the family ({@code ≥ p.length}; the unlisted ones have p = 1)
     * @return q-values in the order of {@code p}
     */
    public static double[] benjaminiHochberg(double[] p, long family) {
        if (family < p.length) {
            throw new IllegalArgumentException("Value for `family` was `" + family + "`, but must be at least the "
                    + p.length + " p-values given");
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]) != 0 ? Double.compare(p[x], p[y])
                : Integer.compare(x, y));
        double[] q = new double[p.length];
        double running = 1.0;
        for (int rank = p.length; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * family / rank);
            q[i] = Math.min(1.0, running);
        }
        return q;
    }
}
