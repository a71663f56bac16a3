/**
 * Synthetic, deterministic demo traffic for {@code ./driftwatch demo}: prediction and label events as JSON bytes
 * that follow the {@code schemas} contract, an injected drift (features of one segment, a latency regression,
 * calibration decay), delayed and out-of-order labels, a few malformed events for the dead-letter topic, a
 * training CSV of the pre-drift distribution and a pacer for a target event rate.
 *
 * <p>Entry point: {@link io.driftwatch.app.demo.TrafficGenerator}. Nothing here talks to Kafka.
 */
package io.driftwatch.app.demo;
