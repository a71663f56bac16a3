package io.driftwatch.app.demo;

import java.util.Map;

/**
 * Segments of {@link DemoModel#FRAUD}: the card's country, with its share of traffic and the parameters
 * that make its feature distributions differ from the other countries'.
 */
public enum FraudCountry {
    US(0.5, 52.0, 0.06),
    DE(0.3, 41.0, 0.12),
    BR(0.2, 28.0, 0.09);

    /** Segment key of the fraud model's events. */
    public static final String SEGMENT_KEY = "country";

    private final double trafficShare;
    private final double medianAmount;
    private final double internationalRate;

    FraudCountry(double trafficShare, double medianAmount, double internationalRate) {
        this.trafficShare = trafficShare;
        this.medianAmount = medianAmount;
        this.internationalRate = internationalRate;
    }

    /** Fraction of fraud-model traffic from this country; the shares sum to 1. */
    public double trafficShare() {
        return trafficShare;
    }

    /** Median transaction amount before the merchant-category factor. */
    public double medianAmount() {
        return medianAmount;
    }

    /** Probability that a transaction is cross-border. */
    public double internationalRate() {
        return internationalRate;
    }

    /** The segment map as sent in events, e.g. {@code {"country": "BR"}}. */
    public Map<String, String> segment() {
        return Map.of(SEGMENT_KEY, name());
    }
}
