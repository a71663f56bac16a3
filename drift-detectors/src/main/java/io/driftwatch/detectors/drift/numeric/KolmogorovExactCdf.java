package io.driftwatch.detectors.drift.numeric;

import java.util.Arrays;

/**
 * Exact {@code P(D_n <= d)} of the two-sided one-sample KS statistic by the two algorithms scipy 1.10 uses for
 * small {@code n x^2}: Durbin's matrix method in the Marsaglia–Tsang–Wang form (scipy {@code _kolmogn_DMTW})
 * and Pomeranz's recursion (scipy {@code _kolmogn_Pomeranz}). Intermediate results are rescaled by 2^128 with
 * a separate exponent to avoid overflow and underflow, as in scipy.
 */
final class KolmogorovExactCdf {

    /** Rescaling step, as scipy {@code _E128}. */
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXPONENT);

    private KolmogorovExactCdf() {}

    /** Durbin (1968) / Marsaglia, Tsang, Wang (2003): k-th diagonal entry of (n!/n^n) H^n. */
    static double durbin(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hMatrix = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hMatrix[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hMatrix[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hMatrix[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = identity(m);
        int exponent = 0;
        int hExponent = 0;
        for (int nn = n; nn > 0; nn /= 2) {
            if (nn % 2 == 1) {
                power = multiply(power, hMatrix);
                exponent += hExponent;
            }
            hMatrix = multiply(hMatrix, hMatrix);
            hExponent *= 2;
            if (Math.abs(hMatrix[k - 1][k - 1]) > SCALE_UP) {
                scale(hMatrix, SCALE_DOWN);
                hExponent += SCALE_EXPONENT;
            }
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return NumericSamples.clipProbability(p);
    }

    /** Pomeranz (1974) recursion: each row convolves the previous one with truncated Poisson-like weights. */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int exponent = 0;
        int[] j12 = interval(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j12[0];
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swapS = v0s;
            v0s = v1s;
            v1s = swapS;
            Arrays.fill(v1, 0.0);
            j12 = interval(i, n, ll, ceilf, roundf);
            int j1 = j12[0];
            int j2 = j12[1];
            double[] pwrs = i == 1 || i == 2 * n + 1 ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int from = k1 - v0s;
                int aLen = Math.min(ln2, npwrs - from);
                int bLen = Math.min(ln2, npwrs);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < convLen; c++) {
                    int idx = convStart + c;
                    double s = 0.0;
                    for (int a = Math.max(0, idx - bLen + 1); a <= Math.min(idx, aLen - 1); a++) {
                        s += v0[from + a] * pwrs[idx - a];
                    }
                    v1[c] = s;
                }
                for (double value : v1) {
                    max = Math.max(max, value);
                }
                if (0 < max && max < SCALE_DOWN) {
                    for (int c = 0; c < npwrs; c++) {
                        v1[c] *= SCALE_UP;
                    }
                    exponent -= SCALE_EXPONENT;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > SCALE_UP) {
                ans *= SCALE_DOWN;
                exponent += SCALE_EXPONENT;
            }
            ans *= m;
        }
        if (exponent != 0) {
            ans = Math.scalb(ans, exponent);
        }
        return NumericSamples.clipProbability(ans);
    }

    /** First and last non-zero column of row {@code i} (scipy {@code _pomeranz_compute_j1j2}). */
    private static int[] interval(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail != 0.0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += ail * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
