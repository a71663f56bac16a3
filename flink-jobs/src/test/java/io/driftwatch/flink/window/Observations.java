package io.driftwatch.flink.window;

import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;

/** Test observations: one numeric feature {@code amount} and one categorical {@code country}. */
final class Observations {

    private Observations() {}

    static Observation of(String model, String segment, long eventTime, double score, double latency, double amount,
                          String country) {
        Observation o = new Observation();
        o.modelId = model;
        o.modelVersion = "v1";
        o.segment = segment;
        o.eventTimeMillis = eventTime;
        o.score = score;
        o.latencyMs = latency;
        o.predictedClass = score >= 0.5 ? "yes" : "no";
        o.featureNames = new String[] {"amount", "country"};
        o.featureKinds = new byte[] {FeatureKindCode.NUMBER, country == null ? FeatureKindCode.NULL : FeatureKindCode.TEXT};
        o.numbers = new double[] {amount, 0.0};
        o.texts = new String[] {"", country == null ? "" : country};
        return o;
    }
}
