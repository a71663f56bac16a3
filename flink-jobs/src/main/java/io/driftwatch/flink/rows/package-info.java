/**
 * Per-window result rows as Flink-friendly records, converted by {@link io.driftwatch.flink.rows.TableRows} to
 * the shared table rows of {@code io.driftwatch.schemas.tables} for the ClickHouse sinks.
 */
package io.driftwatch.flink.rows;
