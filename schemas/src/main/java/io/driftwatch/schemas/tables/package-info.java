/**
 * Java rows of the pipeline's ClickHouse result tables (see {@code schemas/TABLES.md}): one record per
 * table with the table's name and insert columns ({@link io.driftwatch.schemas.tables.TableSpec}) and a
 * {@code bind} that sets the parameters of {@code INSERT INTO t (columns) VALUES (?, ...)} in that order.
 * Times are bound as UTC text, which ClickHouse parses in the column's time zone, so the JVM's default
 * zone never shifts them; NaN in a nullable column is bound as NULL.
 */
package io.driftwatch.schemas.tables;
