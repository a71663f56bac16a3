/**
 * Assembly of the streaming job: {@link io.driftwatch.flink.job.DriftwatchJob} builds the topology on a given
 * environment from the config and injected sources and sinks; {@link io.driftwatch.flink.job.ResultSinks} and
 * {@link io.driftwatch.flink.job.DeadLetterTopic} are the production sinks.
 */
package io.driftwatch.flink.job;
