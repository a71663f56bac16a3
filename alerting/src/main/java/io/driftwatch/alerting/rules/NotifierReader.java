package io.driftwatch.alerting.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code notifiers:}. */
final class NotifierReader {

    /** The notifier types of a rules file. */
    enum Type {
        PAGERDUTY("routing_key", "url", "source", "client", "client_url"),
        SLACK("webhook_url"),
        WEBHOOK("url", "hmac_secret", "signature_header"),
        ALERTMANAGER("url");

        private final Set<String> keys;

        Type(String... specific) {
            java.util.HashSet<String> all = new java.util.HashSet<>(Arrays.asList(specific));
            all.add("name");
            all.add("type");
            this.keys = Set.copyOf(all);
        }

        String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Type> fromYaml(String text) {
            return Arrays.stream(values()).filter(t -> t.yamlName().equals(text)).findFirst();
        }
    }

    static final String DEFAULT_SOURCE = "driftwatch";
    static final String DEFAULT_CLIENT = "Driftwatch";

    private static final List<String> TYPE_NAMES = Arrays.stream(Type.values()).map(Type::yamlName).toList();

    private NotifierReader() {
    }

    static Optional<NotifierSpec> read(YamlNode node, int index, Problems problems) {
        // A first pass with a scratch collector learns the name and type, for the context of messages and
        // the keys the type allows; the second pass records every problem.
        Problems scratch = new Problems("scratch");
        Optional<Fields> peek = Fields.of(node, "", Set.of(), scratch);
        Optional<String> peekName = peek.flatMap(p -> p.optionalString("name"));
        Optional<Type> peekType = peek.flatMap(p -> p.choice("type", false, Type::fromYaml, TYPE_NAMES));
        String context = peekName.map(n -> "notifier '" + n + "'").orElse("notifier #" + (index + 1));
        Set<String> allowed = peekType.map(t -> t.keys).orElseGet(NotifierReader::allKeys);

        Optional<Fields> maybeFields = Fields.of(node, context, allowed, problems);
        if (maybeFields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybeFields.get();
        Optional<String> name = f.requiredString("name")
                .filter(n -> Names.checkName(f, "name", n, f.node("name").orElseThrow().position()));
        Optional<Type> type = f.choice("type", true, Type::fromYaml, TYPE_NAMES);
        Optional<NotifierSpec> spec = type.flatMap(t -> readSpec(t, name.orElse("?"), f));
        return name.isPresent() ? spec : Optional.empty();
    }

    private static Optional<NotifierSpec> readSpec(Type type, String name, Fields f) {
        switch (type) {
            case PAGERDUTY: {
                var url = f.has("url") ? Names.httpUrl(f, "url", true) : Optional.of(NotifierSpec.PagerDuty.DEFAULT_URL);
                var key = Names.secret(f, "routing_key", true);
                String source = f.optionalString("source").orElse(DEFAULT_SOURCE);
                String client = f.optionalString("client").orElse(DEFAULT_CLIENT);
                String clientUrl = f.has("client_url") ? Names.httpUrl(f, "client_url", true).map(Object::toString)
                        .orElse("") : "";
                if (url.isEmpty() || key.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new NotifierSpec.PagerDuty(name, url.get(), key.get(), source, client, clientUrl));
            }
            case SLACK:
                return Names.secret(f, "webhook_url", true).map(ref -> new NotifierSpec.Slack(name, ref));
            case WEBHOOK: {
                var url = Names.httpUrl(f, "url", true);
                var secret = f.has("hmac_secret") ? Names.secret(f, "hmac_secret", true) : Optional.<SecretRef>empty();
                boolean secretOk = !f.has("hmac_secret") || secret.isPresent();
                String header = f.optionalString("signature_header").orElse(NotifierSpec.Webhook.DEFAULT_SIGNATURE_HEADER);
                if (url.isEmpty() || !secretOk) {
                    return Optional.empty();
                }
                return Optional.of(new NotifierSpec.Webhook(name, url.get(), secret, header));
            }
            case ALERTMANAGER:
                return Names.httpUrl(f, "url", true).map(url -> new NotifierSpec.Alertmanager(name, url));
            default:
                throw new AssertionError(type);
        }
    }

    private static Set<String> allKeys() {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Type t : Type.values()) {
            all.addAll(t.keys);
        }
        return all;
    }
}
