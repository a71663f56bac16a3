package io.driftwatch.app.demo;

/**
 * The models of the demo fleet, with their ids as sent in events and their baseline inference latency
 * (log-normal: median and log-space standard deviation).
 */
public enum DemoModel {
    /** Binary fraud classifier on card transactions; segments by {@code country}. */
    FRAUD("fraud-v3", "3.1.0", 18.0, 0.45),
    /** Regression of next month's card spend; segments by {@code product}. */
    CREDIT("credit-v1", "1.4.0", 42.0, 0.35);

    private final String modelId;
    private final String modelVersion;
    private final double latencyMedianMs;
    private final double latencyLogSigma;

    DemoModel(String modelId, String modelVersion, double latencyMedianMs, double latencyLogSigma) {
        this.modelId = modelId;
        this.modelVersion = modelVersion;
        this.latencyMedianMs = latencyMedianMs;
        this.latencyLogSigma = latencyLogSigma;
    }

    public String modelId() {
        return modelId;
    }

    public String modelVersion() {
        return modelVersion;
    }

    /** Median inference latency before any injected regression. */
    public double latencyMedianMs() {
        return latencyMedianMs;
    }

    /** Standard deviation of the latency's logarithm. */
    public double latencyLogSigma() {
        return latencyLogSigma;
    }
}
