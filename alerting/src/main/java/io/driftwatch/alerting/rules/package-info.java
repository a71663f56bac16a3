/**
 * The rules file: {@link io.driftwatch.alerting.rules.RulesParser} (to a validated
 * {@link io.driftwatch.alerting.rules.RuleSet}) and {@link io.driftwatch.alerting.rules.RulesValidator} (every
 * error with line and column, for {@code driftwatch rules validate}). Format: alerting/RULES.md.
 */
package io.driftwatch.alerting.rules;
