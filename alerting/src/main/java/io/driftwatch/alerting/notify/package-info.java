/**
 * Delivery of alert groups: PagerDuty Events API v2, Slack, generic webhook and Alertmanager v2 notifiers
 * (asynchronous, retried with backoff and Retry-After, every attempt reported), ordered per notifier by the
 * {@link io.driftwatch.alerting.notify.Dispatcher}. Secrets are resolved from references and redacted from
 * everything logged.
 */
package io.driftwatch.alerting.notify;
