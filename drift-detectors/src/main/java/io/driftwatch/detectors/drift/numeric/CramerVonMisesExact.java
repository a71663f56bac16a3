package io.driftwatch.detectors.drift.numeric;

import java.util.Arrays;

import org.apache.commons.math3.util.ArithmeticUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Exact p-value of the two-sample Cramér–von Mises statistic, a port of scipy 1.10
 * {@code _pval_cvm_2samp_exact}: Xiao, Gordon &amp; Yakovlev (2006), "A C++ Program for the Cramér-von Mises
 * Two-Sample Test", J. Stat. Softw. 17(8), Algorithm 1 — for every lattice path from (0,0) to (n,m) the sum of
 * squared {@code (a v - b u)} is tabulated with its frequency; p is the share of paths at or above the
 * observed value. Counts stay below C(40, 20) &lt; 2^63 because it runs only for samples of at most 20.
 */
final class CramerVonMisesExact {

    private CramerVonMisesExact() {}

    /**
     * @param s the rank statistic U (Anderson 1962, eq. 10)
     * @param m first sample size
     * @param n second sample size
     */
    static double pValue(double s, int m, int n) {
        long lcm = ArithmeticUtils.lcm((long) m, (long) n);
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        double zeta = pythonFloorDivide(lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)), 6.0 * mn * mn);
        Table[] gs = new Table[m + 1];
        gs[0] = new Table(new long[] {0}, new long[] {1});
        for (int v = 1; v <= m; v++) {
            gs[v] = Table.EMPTY;
        }
        for (int u = 0; u <= n; u++) {
            Table[] next = new Table[m + 1];
            Table tmp = Table.EMPTY;
            for (int v = 0; v <= m; v++) {
                long step = a * v - b * u;
                tmp = tmp.merge(gs[v]).shift(step * step);
                next[v] = tmp;
            }
            gs = next;
        }
        Table last = gs[m];
        long atLeast = 0;
        for (int i = 0; i < last.values.length; i++) {
            if (last.values[i] >= zeta) {
                atLeast += last.freqs[i];
            }
        }
        return atLeast / (double) CombinatoricsUtils.binomialCoefficient(m + n, m);
    }

    /** Python/numpy floor division of doubles (fmod based, then rounded to the nearest integer). */
    static double pythonFloorDivide(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** Sorted distinct path sums with their frequencies. */
    private record Table(long[] values, long[] freqs) {
        static final Table EMPTY = new Table(new long[0], new long[0]);

        Table merge(Table other) {
            long[] v = new long[values.length + other.values.length];
            long[] f = new long[v.length];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < values.length || j < other.values.length) {
                if (j >= other.values.length || (i < values.length && values[i] < other.values[j])) {
                    v[k] = values[i];
                    f[k++] = freqs[i++];
                } else if (i >= values.length || other.values[j] < values[i]) {
                    v[k] = other.values[j];
                    f[k++] = other.freqs[j++];
                } else {
                    v[k] = values[i];
                    f[k++] = freqs[i++] + other.freqs[j++];
                }
            }
            return new Table(Arrays.copyOf(v, k), Arrays.copyOf(f, k));
        }

        Table shift(long delta) {
            long[] v = new long[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i] + delta;
            }
            return new Table(v, freqs);
        }
    }
}
