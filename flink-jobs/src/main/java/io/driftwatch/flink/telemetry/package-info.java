/**
 * Telemetry: the names of the Flink metrics the pipeline's operators register ({@link
 * io.driftwatch.flink.telemetry.PipelineMetrics}) and the Micrometer/Prometheus metric reporter that exposes them.
 */
package io.driftwatch.flink.telemetry;
