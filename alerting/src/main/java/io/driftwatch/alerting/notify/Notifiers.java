package io.driftwatch.alerting.notify;

import io.driftwatch.alerting.rules.NotifierSpec;
import io.driftwatch.alerting.rules.RuleSet;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds notifiers from their specs, resolving secret references through the context's resolver. */
public final class Notifiers {

    private Notifiers() {
    }

    /**
     * @throws IllegalArgumentException if a secret cannot be resolved (the message names the reference only)
     */
    public static Notifier create(NotifierSpec spec, NotifierContext context) {
        if (spec instanceof NotifierSpec.PagerDuty pd) {
            return new PagerDutyNotifier(pd, context);
        } else if (spec instanceof NotifierSpec.Slack slack) {
            return new SlackNotifier(slack, context);
        } else if (spec instanceof NotifierSpec.Webhook hook) {
            return new WebhookNotifier(hook, context);
        } else if (spec instanceof NotifierSpec.Alertmanager am) {
            return new AlertmanagerNotifier(am, context);
        }
        throw new IllegalArgumentException("unknown notifier spec " + spec.getClass().getSimpleName());
    }

    /** Every notifier of a rule set, by name, in file order. */
    public static Map<String, Notifier> createAll(RuleSet rules, NotifierContext context) {
        Map<String, Notifier> out = new LinkedHashMap<>();
        for (NotifierSpec spec : rules.notifiers()) {
            out.put(spec.name(), create(spec, context));
        }
        return out;
    }
}
