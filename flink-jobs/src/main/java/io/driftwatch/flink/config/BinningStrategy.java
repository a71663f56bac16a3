package io.driftwatch.flink.config;

/** How bin edges for binned drift tests are placed, from the baseline. */
public enum BinningStrategy {
    /** Edges at baseline quantiles: every bin holds the same baseline mass. */
    QUANTILE("quantile"),
    /** Equal-width bins between the baseline minimum and maximum. */
    UNIFORM("uniform");

    private final String id;

    BinningStrategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
