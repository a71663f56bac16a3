package io.driftwatch.detectors.sketch;

/**
 * The limiting Kolmogorov distribution of {@code sqrt(n) * D_n} (scipy's {@code kstwobign}), used for
 * asymptotic KS p-values. The survival function uses the two classic series, each where it converges fast
 * and keeps full relative precision: for {@code t < }{@link #SERIES_SWITCH}, Jacobi's theta form of the CDF
 * {@code sqrt(2 pi) / t * sum_k exp(-(2k-1)^2 pi^2 / (8 t^2))}; above it, the alternating series
 * {@code Q(t) = 2 sum_k (-1)^(k-1) exp(-2 k^2 t^2)} (Kolmogorov 1933; see Marsaglia, Tsang, Wang 2003).
 */
public final class KolmogorovDistribution {

    /** Where the survival function switches series; both converge in a handful of terms around it. */
    static final double SERIES_SWITCH = 1.0;
    /** Stop summing once a term is below this fraction of the partial sum (below double precision). */
    private static final double RELATIVE_TOLERANCE = 1e-17;
    /** Both series need fewer than 10 terms for t in (0, inf); this only guards the loop. */
    private static final int MAX_TERMS = 100;
    /** The survival function is below 1e-300 beyond this, so the inverse searches [0, INVERSE_UPPER]. */
    private static final double INVERSE_UPPER = 20.0;
    /** Bisection steps for the inverse: enough to shrink [0, 20] below double resolution. */
    private static final int BISECTION_STEPS = 200;

    private KolmogorovDistribution() {}

    /** {@code P(K > t)}; 1 for {@code t <= 0}. */
    public static double survival(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("Kolmogorov survival of NaN is undefined");
        }
        if (t <= 0) {
            return 1.0;
        }
        if (t < SERIES_SWITCH) {
            return 1.0 - thetaCdf(t);
        }
        double sum = 0;
        for (int k = 1; k <= MAX_TERMS; k++) {
            double term = Math.exp(-2.0 * k * k * t * t);
            sum += (k % 2 == 1) ? term : -term;
            if (term <= RELATIVE_TOLERANCE * sum) {
                break;
            }
        }
        return Math.min(1.0, 2.0 * sum);
    }

    private static double thetaCdf(double t) {
        double factor = -Math.PI * Math.PI / (8.0 * t * t);
        double sum = 0;
        for (int k = 1; k <= MAX_TERMS; k++) {
            double odd = 2.0 * k - 1.0;
            double term = Math.exp(factor * odd * odd);
            sum += term;
            if (term <= RELATIVE_TOLERANCE * sum || sum == 0) {
                break;
            }
        }
        return Math.sqrt(2.0 * Math.PI) / t * sum;
    }

    /** The {@code t} with {@code P(K > t) = alpha}, for {@code 0 < alpha < 1}. */
    public static double inverseSurvival(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double low = 0.0;
        double high = INVERSE_UPPER;
        for (int i = 0; i < BISECTION_STEPS && low < high; i++) {
            double mid = 0.5 * (low + high);
            if (mid == low || mid == high) {
                break;
            }
            if (survival(mid) > alpha) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
