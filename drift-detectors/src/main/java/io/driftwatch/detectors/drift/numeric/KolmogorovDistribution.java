package io.driftwatch.detectors.drift.numeric;

import org.apache.commons.math3.special.Gamma;

/**
 * Survival function {@code P(D_n >= x)} of the two-sided one-sample Kolmogorov–Smirnov statistic for finite
 * {@code n}: a port of scipy 1.10 {@code scipy.stats.kstwo.sf} ({@code scipy/stats/_ksstats.py:_kolmogn} with
 * {@code cdf=False}), which follows the method selection of Simard &amp; L'Ecuyer (2011), "Computing the
 * Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Softw. 39(11). Commons Math has no equivalent with the
 * same branches (its {@code KolmogorovSmirnovTest} uses different approximations), hence the port.
 */
final class KolmogorovDistribution {

    /** scipy: above this n the Ruben–Gambino product is taken in log space and DMTW/Pomeranz are not used. */
    private static final int SMALL_N = 140;
    /** Simard–L'Ecuyer cut-offs on {@code n x^2} (scipy {@code _kolmogn}). */
    private static final double NX2_DURBIN = 0.754693;
    private static final double NX2_POMERANZ = 4.0;
    private static final double NX2_SF_ZERO = 370.0;
    private static final double NX2_SF_SMIRNOV = 2.2;
    /** DMTW is used for the CDF when {@code n <= 100000} and {@code n x^1.5 <= 1.4}, else Pelz–Good. */
    private static final int DURBIN_MAX_N = 100_000;
    private static final double DURBIN_MAX_N_X_POW_1_5 = 1.4;
    /** cephes smirnov(): direct summation below this n, log-gamma terms above. */
    private static final int SMIRNOV_DIRECT_MAX_N = 1013;
    /** cephes MAXLOG (log of DBL_MAX, rounded as in cephes). */
    private static final double MAX_LOG = 7.09782712893383996843e2;
    /** Pelz–Good: below {@code exp(-708)} the series is 0 (scipy {@code _MIN_LOG}). */
    private static final double MIN_LOG = -708;
    /** Bernoulli-number Stirling coefficients B_2j / (2j (2j - 1)), j = 8..1 (scipy {@code _STIRLING_COEFFS}). */
    private static final double[] STIRLING_COEFFS = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
            -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
            7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);

    private KolmogorovDistribution() {}

    /**
     * {@code kstwo.sf(x, n)}: 1 for {@code x <= 0.5 / n} (below the support), 0 for {@code x >= 1}.
     *
     * @param n sample size, a positive integer held in a double (scipy passes {@code np.round(en)})
     */
    static double sf(double x, double n) {
        if (!(n >= 1) || n != Math.rint(n) || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Kolmogorov n must be a positive integer, got " + n);
        }
        if (x <= 0.5 / n) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        return kolmogornSf((int) n, x);
    }

    private static double kolmogornSf(int n, double x) {
        double t = n * x;
        if (t <= 1.0) {
            // Ruben–Gambino: P(D_n <= x) = n!/n^n (2t - 1)^n for 1/2n <= x <= 1/n
            double cdf;
            if (n <= SMALL_N) {
                cdf = 1.0;
                for (int i = 1; i <= n; i++) {
                    cdf *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(logNFactorialOverNPowN(n) + n * Math.log(2 * t - 1));
            }
            return NumericSamples.clipProbability(1.0 - cdf);
        }
        if (t >= n - 1) {
            return NumericSamples.clipProbability(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return NumericSamples.clipProbability(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= SMALL_N) {
            if (nxSquared <= NX2_DURBIN) {
                return NumericSamples.clipProbability(1.0 - KolmogorovExactCdf.durbin(n, x));
            }
            if (nxSquared <= NX2_POMERANZ) {
                return NumericSamples.clipProbability(1.0 - KolmogorovExactCdf.pomeranz(n, x));
            }
            return NumericSamples.clipProbability(2 * smirnov(n, x));
        }
        if (nxSquared >= NX2_SF_ZERO) {
            return 0.0;
        }
        if (nxSquared >= NX2_SF_SMIRNOV) {
            return NumericSamples.clipProbability(2 * smirnov(n, x));
        }
        double cdf = n <= DURBIN_MAX_N && n * Math.pow(x, 1.5) <= DURBIN_MAX_N_X_POW_1_5
                ? KolmogorovExactCdf.durbin(n, x)
                : pelzGoodCdf(n, x);
        return NumericSamples.clipProbability(1.0 - cdf);
    }

    /** log(n! / n^n) by Stirling's series with n log n removed up front (scipy {@code _log_nfactorial_div_n_pow_n}). */
    static double logNFactorialOverNPowN(int n) {
        double rn = 1.0 / n;
        double poly = 0.0;
        for (double c : STIRLING_COEFFS) {
            poly = poly * (rn / n) + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /**
     * One-sided exact Smirnov {@code P(D_n^+ >= e)} by the Birnbaum–Tingey sum (scipy.special.smirnov). Terms
     * are summed directly for small n and through log-gamma for large n, as in cephes.
     */
    static double smirnov(int n, double e) {
        if (e == 0.0) {
            return 1.0;
        }
        int nn = (int) Math.floor(n * (1.0 - e));
        double p = 0.0;
        if (n < SMIRNOV_DIRECT_MAX_N) {
            double c = 1.0;
            for (int v = 0; v <= nn; v++) {
                double evn = e + (double) v / n;
                p += c * Math.pow(evn, v - 1) * Math.pow(1.0 - evn, n - v);
                c *= (double) (n - v) / (v + 1);
            }
        } else {
            double lgamNPlus1 = Gamma.logGamma(n + 1.0);
            for (int v = 0; v <= nn; v++) {
                double evn = e + (double) v / n;
                double omevn = 1.0 - evn;
                if (Math.abs(omevn) > 0.0) {
                    double t = lgamNPlus1 - Gamma.logGamma(v + 1.0) - Gamma.logGamma(n - v + 1.0)
                            + (v - 1) * Math.log(evn) + (n - v) * Math.log(omevn);
                    if (t > -MAX_LOG) {
                        p += Math.exp(t);
                    }
                }
            }
        }
        return p * e;
    }

    /** Pelz–Good (1976) approximation of {@code P(D_n <= x)}, scipy {@code _kolmogn_PelzGood}. */
    static double pelzGoodCdf(int n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = Math.pow(z, 3);
        double z4 = Math.pow(z, 4);
        double z6 = Math.pow(z, 6);
        double qlog = -PI_SQUARED / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * z2) / 16;
        double k3d = PI_SIX * (5 - 30 * z2) / 64;
        double k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            double m = 2 * kk - 1;
            double m2 = m * m;
            double m4 = Math.pow(m, 4);
            double m6 = Math.pow(m, 6);
            double qpower = Math.pow(q, 8 * kk);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                k[i] = k[i] * qpower + coeffs[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT_2PI / divisors[i];
        }
        double qq = Math.exp(-PI_SQUARED / 2 / z2);
        double k2extra = 0.0;
        double k3extra = 0.0;
        double sqrt3z = SQRT3 * z;
        for (int kk = maxk; kk > 0; kk--) {
            double ksq = (double) kk * kk;
            double qp = Math.pow(qq, ksq);
            double kspi = Math.PI * kk;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }
        k[2] += k2extra * PI_SQUARED * SQRT_2PI / (-36 * z3);
        k[3] += k3extra * PI_SQUARED * SQRT_2PI / (216 * z6);
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
