/**
 * Job configuration: one YAML file mapped to immutable records ({@link io.driftwatch.flink.config.DriftwatchConfig}
 * and one record per section), loaded and validated by {@link io.driftwatch.flink.config.ConfigLoader}.
 *
 * <p>Each option is declared once, as a {@link io.driftwatch.flink.config.ConfigOption} constant in its section's
 * record (path, type, default, description); {@code flink-jobs/CONFIG.md} is generated from the declarations by
 * {@link io.driftwatch.flink.config.ConfigReference} and a test keeps it current. Validation reports every error
 * with its key path at once, rejects unknown keys (with a "did you mean"), and resolves secrets given as
 * {@code ${env:VAR}} / {@code ${file:/path}} into {@link io.driftwatch.flink.config.Secret}s that never print.
 */
package io.driftwatch.flink.config;
