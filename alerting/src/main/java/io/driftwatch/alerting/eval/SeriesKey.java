package io.driftwatch.alerting.eval;

import java.util.Objects;

/**
 * One monitored series: model, version, segment ("" = all traffic) and feature ("" for metrics of the
 * model as a whole, such as latency). Together with a rule name it keys the evaluator's state.
 */
public record SeriesKey(String model, String version, String segment, String feature) {

    public SeriesKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(feature, "feature");
        if (model.isBlank()) {
            throw new IllegalArgumentException("series model is blank");
        }
    }

    /** e.g. {@code fraud/v3 segment=country=DE feature=amount}; parts that are "" are left out. */
    public String describe() {
        StringBuilder s = new StringBuilder(model).append('/').append(version);
        if (!segment.isEmpty()) {
            s.append(" segment=").append(segment);
        }
        if (!feature.isEmpty()) {
            s.append(" feature=").append(feature);
        }
        return s.toString();
    }
}
