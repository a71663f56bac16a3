/**
 * The label side of the job: delayed labels joined with their predictions in keyed state
 * ({@link io.driftwatch.flink.labels.LabelJoin}), per prediction-time window performance revised as labels
 * arrive ({@link io.driftwatch.flink.labels.WindowPerformance}), and change detection on the error stream
 * ({@link io.driftwatch.flink.labels.ErrorChangeDetection}). See {@code flink-jobs/PIPELINE.md}.
 */
package io.driftwatch.flink.labels;
