/** Names of the Flink metrics the pipeline's operators register. */
package io.driftwatch.flink.telemetry;
