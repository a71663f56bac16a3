/**
 * Rule evaluation over metric rows: the batch step per rule and window
 * ({@link io.driftwatch.alerting.eval.WindowJudge}, with multiple-testing correction), the per-(rule, series)
 * state machine ({@link io.driftwatch.alerting.eval.SeriesStateMachine}, state in
 * {@link io.driftwatch.alerting.eval.AlertState} with versioned bytes), and the in-memory
 * {@link io.driftwatch.alerting.eval.Evaluator} that chains both. Plain Java, no Flink.
 */
package io.driftwatch.alerting.eval;
