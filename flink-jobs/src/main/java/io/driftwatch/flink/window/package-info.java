/**
 * Tumbling event-time windows per (model, version, segment): the keyed-broadcast
 * {@link io.driftwatch.flink.window.WindowAggregator}, its state ({@link io.driftwatch.flink.window.WindowAccumulator},
 * stored through {@link io.driftwatch.flink.window.WindowAccumulatorSerializer}) and the pure
 * {@link io.driftwatch.flink.window.WindowEmitter} that turns a closed window into rows.
 */
package io.driftwatch.flink.window;
