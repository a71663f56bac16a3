package io.driftwatch.app.demo;

import java.util.random.RandomGenerator;

/** Draws from the few distributions the simulators need, on a caller-owned generator. */
final class RandomDraws {

    /** Above this mean the Poisson draw uses a rounded normal approximation instead of Knuth's product. */
    private static final double POISSON_NORMAL_APPROXIMATION_MEAN = 30.0;

    private RandomDraws() {}

    /** Log-normal with the given median and standard deviation of the logarithm. */
    static double logNormal(RandomGenerator random, double median, double logSigma) {
        return median * Math.exp(logSigma * random.nextGaussian());
    }

    /** Poisson count (Knuth's multiplication method, exact for the small means used here). */
    static int poisson(RandomGenerator random, double mean) {
        if (mean > POISSON_NORMAL_APPROXIMATION_MEAN) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static boolean bernoulli(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static double logistic(double logOdds) {
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }

    static double logit(double probability) {
        return Math.log(probability / (1.0 - probability));
    }

    /** Rounds to {@code decimals} decimal places, so CSV and JSON carry the same short values. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
