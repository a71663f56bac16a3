package io.driftwatch.alerting.rules;

import java.util.Objects;

/**
 * Which metric rows a rule looks at: one family, and globs over the series' names. {@code test} narrows
 * drift rows to one drift test id (e.g. {@code ks}) so that one series has one row per window.
 */
public record Selector(MetricFamily family, Glob model, Glob version, Glob segment, Glob feature, Glob test) {

    public Selector {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(test, "test");
    }

    /** All series of one family. */
    public static Selector allOf(MetricFamily family) {
        return new Selector(family, Glob.ANY, Glob.ANY, Glob.ANY, Glob.ANY, Glob.ANY);
    }
}
