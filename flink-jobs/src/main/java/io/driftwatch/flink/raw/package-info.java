/**
 * The sampled raw predictions ({@code predictions_raw}): a deterministic sample of valid predictions, chosen by a
 * hash of {@code prediction_id} ({@link io.driftwatch.flink.raw.RawSampling}), for drill-down from an aggregate
 * to the events behind it.
 */
package io.driftwatch.flink.raw;
