package io.driftwatch.alerting.rules;

import java.util.Objects;

/** When one observation breaches a rule. */
public sealed interface Condition {

    /** Breach when the named value compares with the threshold, e.g. {@code p99 > 250}. */
    record Threshold(String value, Comparison comparison, double threshold) implements Condition {
        public Threshold {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(comparison, "comparison");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite, got " + threshold);
            }
        }

        @Override
        public String describe() {
            return value + " " + comparison.symbol() + " " + threshold;
        }
    }

    /** Breach when the row's own decision (drift, or a detected change) is true. */
    record DriftFlag() implements Condition {
        @Override
        public String describe() {
            return "drift_flag";
        }
    }

    /** Human-readable form for messages. */
    String describe();
}
