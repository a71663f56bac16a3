package io.driftwatch.detectors.drift.numeric;

import org.apache.commons.math3.special.Gamma;

/**
 * CDF of the limiting (n → ∞) one-sample Cramér–von Mises statistic, Csörgő &amp; Faraway (1996) eq. 1.2/1.3,
 * summed as scipy 1.10 {@code _cdf_cvm_inf}: terms are added until one is below {@link #TERM_TOLERANCE}.
 * Commons Math has no modified Bessel function K, so {@code exp(-q) K_{1/4}(q)} is integrated numerically.
 */
final class CramerVonMisesLimit {

    /** scipy stops the series at the first term with absolute value below this. */
    static final double TERM_TOLERANCE = 1e-7;
    private static final double BESSEL_ORDER = 0.25;
    /** Trapezoid step for the K integral at q <= 1; shrunk by sqrt(q) above (the integrand narrows). */
    private static final double BESSEL_STEP = 0.05;
    /** Stop integrating where the integrand is below exp(-745) times its value at t = 0 (negligible in double). */
    private static final double EXP_UNDERFLOW = 745;
    private static final double PI_POW_1_5 = Math.pow(Math.PI, 1.5);

    private CramerVonMisesLimit() {}

    static double cdf(double x) {
        double total = 0.0;
        for (int k = 0; ; k++) {
            double z = term(x, k);
            total += z;
            if (Math.abs(z) < TERM_TOLERANCE) {
                return total;
            }
        }
    }

    private static double term(double x, int k) {
        double u = Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1)) / (PI_POW_1_5 * Math.sqrt(x));
        double y = 4 * k + 1;
        double q = y * y / (16 * x);
        return u * Math.sqrt(y) * expTimesBesselK(BESSEL_ORDER, q);
    }

    /**
     * {@code exp(-q) K_nu(q) = ∫_0^∞ exp(-q (1 + cosh t)) cosh(nu t) dt}; the trapezoid rule converges
     * geometrically for this analytic, doubly-exponentially decaying integrand (~1e-15 relative, checked
     * against scipy.special.kv for q in [0.003, 200]).
     */
    static double expTimesBesselK(double nu, double q) {
        double h = BESSEL_STEP / Math.max(1.0, Math.sqrt(q));
        double sum = 0.5 * Math.exp(-2 * q);
        for (double t = h; ; t += h) {
            double exponent = q * (1 + Math.cosh(t));
            if (exponent > EXP_UNDERFLOW + 2 * q) {
                return sum * h;
            }
            sum += Math.exp(-exponent) * Math.cosh(nu * t);
        }
    }
}
