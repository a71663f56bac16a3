package io.driftwatch.alerting.rules;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A notifier declared in a rules file; secrets are references only, never values. */
public sealed interface NotifierSpec {

    String name();

    /**
     * PagerDuty Events API v2.
     *
     * @param url        the enqueue endpoint
     * @param routingKey the integration key (32 characters once resolved)
     * @param source     {@code payload.source}: the affected system, e.g. the Driftwatch deployment
     * @param client     {@code client}: the monitoring tool's name
     * @param clientUrl  {@code client_url}; may be empty
     */
    record PagerDuty(String name, URI url, SecretRef routingKey, String source, String client, String clientUrl)
            implements NotifierSpec {
        /** PagerDuty's published enqueue endpoint. */
        public static final URI DEFAULT_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

        public PagerDuty {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(routingKey, "routingKey");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(clientUrl, "clientUrl");
        }
    }

    /** Slack incoming webhook; its URL carries the credential, so it is a secret reference. */
    record Slack(String name, SecretRef webhookUrl) implements NotifierSpec {
        public Slack {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(webhookUrl, "webhookUrl");
        }
    }

    /** Generic JSON webhook, optionally signed with HMAC-SHA256 over the body. */
    record Webhook(String name, URI url, Optional<SecretRef> hmacSecret, String signatureHeader) implements NotifierSpec {
        public static final String DEFAULT_SIGNATURE_HEADER = "X-Driftwatch-Signature";

        public Webhook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(hmacSecret, "hmacSecret");
            Objects.requireNonNull(signatureHeader, "signatureHeader");
        }
    }

    /** Prometheus Alertmanager; {@code url} is its base URL, alerts go to {@code /api/v2/alerts}. */
    record Alertmanager(String name, URI url) implements NotifierSpec {
        public Alertmanager {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }
}
