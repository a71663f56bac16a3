package io.driftwatch.detectors.drift;

/** Which side of the threshold means drift. */
public enum Polarity {
    /** The statistic is a p-value: drift when {@code p < threshold}. */
    P_VALUE {
        @Override
        public boolean isDrift(double value, double threshold) {
            return value < threshold;
        }
    },
    /** The statistic is a distance or divergence: drift when {@code value >= threshold}. */
    DISTANCE {
        @Override
        public boolean isDrift(double value, double threshold) {
            return value >= threshold;
        }
    };

    public abstract boolean isDrift(double value, double threshold);
}
