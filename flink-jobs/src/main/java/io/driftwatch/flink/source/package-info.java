/**
 * The prediction source: Kafka records parsed inside the deserializer into Flink-POJO
 * {@link io.driftwatch.flink.source.Observation}s or {@link io.driftwatch.flink.source.DeadLetterRecord}s, event
 * time and watermarks per partition ({@link io.driftwatch.flink.source.EventTimes}), canonical segments.
 */
package io.driftwatch.flink.source;
