package io.driftwatch.flink.rows;

/**
 * Latency (ms) of one window: a row of {@code latency}; quantiles within the DDSketch's 1% relative error,
 * NaN when no latency was sent. {@code sketchBase64} is base64 of {@code LatencySketch.toBytes()}.
 */
public record LatencyRow(WindowId window, long count, double sumMs, double minMs, double maxMs, double p50Ms,
                         double p90Ms, double p95Ms, double p99Ms, double p999Ms, String sketchBase64,
                         long emittedAt) {}
