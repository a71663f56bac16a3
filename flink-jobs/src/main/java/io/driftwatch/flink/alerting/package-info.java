/**
 * Alert evaluation inside the Flink job: the metric streams become {@link io.driftwatch.flink.alerting.ObservationRecord}s
 * (one converter per row type, {@link io.driftwatch.flink.alerting.MetricConverters}), are routed to evaluation units
 * ({@link io.driftwatch.flink.alerting.RuleRouter}), evaluated on the window's watermark with the alert state in
 * keyed state ({@link io.driftwatch.flink.alerting.AlertEvaluatorFunction}), written to the {@code alerts} table and
 * delivered after the checkpoint that holds them completed ({@link io.driftwatch.flink.alerting.AlertDeliverySink}).
 * {@link io.driftwatch.flink.alerting.AlertTopology} wires it; alerting/RULES.md describes the guarantees.
 */
package io.driftwatch.flink.alerting;
