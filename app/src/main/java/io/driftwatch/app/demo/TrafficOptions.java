package io.driftwatch.app.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that shapes the generated traffic. Equal options give equal traffic.
 *
 * @param seed              seed of every random draw
 * @param start             simulated time of the first event
 * @param meanInterArrival  mean simulated gap between predictions (exponential gaps: a Poisson stream); see
 *                          {@link ClockAcceleration#meanInterArrival(double)}
 * @param fraudShare        fraction of predictions from {@link DemoModel#FRAUD}; the rest are {@link DemoModel#CREDIT}
 * @param drift             the injected drift
 * @param labels            label arrival
 * @param malformedFraction fraction of events followed by a broken copy of themselves, in [0, 1]
 */
public record TrafficOptions(long seed, Instant start, Duration meanInterArrival, double fraudShare,
                             DriftOptions drift, LabelOptions labels, double malformedFraction) {

    /** Default simulated start: a fixed instant, so runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    public static final double DEFAULT_FRAUD_SHARE = 0.8;
    public static final double DEFAULT_MALFORMED_FRACTION = 0.002;
    /** Default event rate of the demo, per real second. */
    public static final double DEFAULT_EVENTS_PER_SECOND = 200;
    /** Default drift start: after this many predictions (about 10 simulated hours at the default rate). */
    public static final long DEFAULT_DRIFT_AFTER = 12_000;

    public TrafficOptions {
        if (start == null || meanInterArrival == null || drift == null || labels == null) {
            throw new IllegalArgumentException("start, mean inter-arrival, drift and label options must not be null");
        }
        if (meanInterArrival.isNegative() || meanInterArrival.isZero()) {
            throw new IllegalArgumentException("mean inter-arrival must be positive, got " + meanInterArrival);
        }
        LabelOptions.requireFraction("fraud share", fraudShare);
        LabelOptions.requireFraction("malformed fraction", malformedFraction);
    }

    /** The demo scenario: default drift after {@link #DEFAULT_DRIFT_AFTER} predictions, at the default pace. */
    public static TrafficOptions defaults(long seed) {
        return new TrafficOptions(seed, DEFAULT_START,
                ClockAcceleration.DEFAULT.meanInterArrival(DEFAULT_EVENTS_PER_SECOND), DEFAULT_FRAUD_SHARE,
                DriftOptions.defaults(new DriftStart.AfterPredictions(DEFAULT_DRIFT_AFTER)), LabelOptions.defaults(),
                DEFAULT_MALFORMED_FRACTION);
    }

    public TrafficOptions withSeed(long newSeed) {
        return new TrafficOptions(newSeed, start, meanInterArrival, fraudShare, drift, labels, malformedFraction);
    }

    public TrafficOptions withPace(double eventsPerRealSecond, ClockAcceleration acceleration) {
        return new TrafficOptions(seed, start, acceleration.meanInterArrival(eventsPerRealSecond), fraudShare, drift,
                labels, malformedFraction);
    }

    public TrafficOptions withFraudShare(double share) {
        return new TrafficOptions(seed, start, meanInterArrival, share, drift, labels, malformedFraction);
    }

    public TrafficOptions withDrift(DriftOptions newDrift) {
        return new TrafficOptions(seed, start, meanInterArrival, fraudShare, newDrift, labels, malformedFraction);
    }

    public TrafficOptions withLabels(LabelOptions newLabels) {
        return new TrafficOptions(seed, start, meanInterArrival, fraudShare, drift, newLabels, malformedFraction);
    }

    public TrafficOptions withMalformedFraction(double fraction) {
        return new TrafficOptions(seed, start, meanInterArrival, fraudShare, drift, labels, fraction);
    }
}
