package io.driftwatch.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesParserTest {

    static String resource(String name) {
        try (InputStream in = RulesParserTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exampleFileParsesIntoRulesAndNotifiers() {
        RuleSet set = RulesParser.parse(resource("rules-example.yaml"), "rules-example.yaml");
        assertThat(set.notifiers()).extracting(NotifierSpec::name)
                .containsExactly("pagerduty-ml-oncall", "slack-ml-alerts", "audit-webhook", "alertmanager");
        NotifierSpec.PagerDuty pd = (NotifierSpec.PagerDuty) set.notifier("pagerduty-ml-oncall").orElseThrow();
        assertThat(pd.routingKey()).isEqualTo(new SecretRef(SecretRef.Source.ENV, "PD_ROUTING_KEY"));
        assertThat(pd.url()).isEqualTo(NotifierSpec.PagerDuty.DEFAULT_URL);
        assertThat(pd.source()).isEqualTo("driftwatch-prod");

        Rule drift = set.rule("feature-drift-ks").orElseThrow();
        assertThat(drift.selector().family()).isEqualTo(MetricFamily.FEATURE_DRIFT);
        assertThat(drift.selector().model().matches("fraud-eu")).isTrue();
        assertThat(drift.selector().model().matches("churn")).isFalse();
        assertThat(drift.selector().test()).isEqualTo(new Glob("ks"));
        assertThat(drift.condition()).isEqualTo(new Condition.Threshold("p_value", Comparison.LESS_OR_EQUAL, 0.01));
        assertThat(drift.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
        assertThat(drift.forWindows()).isEqualTo(3);
        assertThat(drift.resolveAfter()).isEqualTo(2);
        assertThat(drift.severity()).isEqualTo(Severity.ERROR);
        assertThat(drift.labels()).isEqualTo(Map.of("team", "risk-ml"));
        assertThat(drift.routes()).containsExactly("pagerduty-ml-oncall", "slack-ml-alerts");
        assertThat(drift.groupBy()).containsExactly(GroupField.RULE, GroupField.MODEL, GroupField.VERSION);
        assertThat(drift.renotifyInterval()).isEqualTo(Duration.ofHours(4));

        Rule psi = set.rule("score-drift-psi").orElseThrow();
        assertThat(psi.condition()).isInstanceOf(Condition.DriftFlag.class);
        assertThat(psi.groupBy()).as("default: every series alone").containsExactly(GroupField.values());
        assertThat(psi.renotifyInterval()).isEqualTo(Duration.ZERO);
        assertThat(psi.correction()).isEqualTo(Correction.NONE);
        assertThat(set.rule("null-rate").orElseThrow().forWindows()).as("default for").isEqualTo(1);
    }

    @Test
    void validatorReportsEveryErrorWithLineAndColumn() {
        List<RuleError> errors = RulesValidator.validate(resource("rules/invalid.yaml"), "invalid.yaml");
        List<String> lines = errors.stream().map(RuleError::toString).toList();
        assertThat(lines).contains(
                "invalid.yaml:5:18: notifier 'pd': 'routing_key' must be a secret reference, ${env:VARIABLE} or"
                        + " ${file:/absolute/path}; inline secrets are not accepted (value not shown)",
                "invalid.yaml:8:10: notifier 'hook': 'url' must be an absolute http or https URL, got 'not-a-url'",
                "invalid.yaml:11:11: notifier 'pd': 'type' is 'carrier-pigeon'; accepted: pagerduty, slack, webhook,"
                        + " alertmanager",
                "invalid.yaml:21:10: rule 'drift': 'for' must be an integer in [1, 10000], got 0",
                "invalid.yaml:22:15: rule 'drift': 'severity' is 'urgent'; accepted: critical, error, warning, info");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:9:5: notifier 'hook': unknown key 'colour'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:10:5: notifier 'pd' is declared twice"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:16:7: rule 'drift' selector: unknown key 'flavour'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:18:7: rule 'drift': metric 'feature_drift' has no value 'statistik'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:23:18: rule 'drift': route 'nowhere' is not a declared notifier"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:27:16: rule 'latency' selector: metric 'latency' has no feature"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:29:7: rule 'latency': metric 'latency' has no drift flag"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:31:16: rule 'latency': unknown placeholder(s) [featur]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:33:24: rule 'latency': 'renotify_interval' must be a duration"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:41:17: rule 'bh': a correction needs the condition 'p_value <= alpha'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invalid.yaml:44:17: rule 'bh': label 'severity' must match"));
        assertThat(errors).hasSize(16).isSortedAccordingTo(
                java.util.Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
    }

    @Test
    void inlineSecretIsNeverEchoed() {
        String secret = "R0UTINGKEYINLINE0123456789abcdef";
        List<RuleError> errors = RulesValidator.validate(resource("rules/invalid.yaml"), "invalid.yaml");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
        assertThatThrownBy(() -> RulesParser.parse(resource("rules/invalid.yaml"), "invalid.yaml"))
                .isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains("16 error(s)"));
    }

    @Test
    void syntaxErrorsAndShapesAreReported() {
        assertThat(RulesValidator.validate("", "empty.yaml")).extracting(RuleError::toString)
                .containsExactly("empty.yaml:1:1: the rules file is empty");
        assertThat(RulesValidator.validate("rules: [\n  {name: a\n", "broken.yaml")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("not valid YAML"));
        assertThat(RulesValidator.validate("- a\n- b\n", "list.yaml")).extracting(RuleError::toString)
                .containsExactly("list.yaml:1:1: rules file: expected a mapping, found a list");
        assertThat(RulesValidator.validate("version: 2\nrules: []\n", "v.yaml")).extracting(RuleError::toString)
                .containsExactly("v.yaml:1:10: rules file: 'version' must be an integer in [1, 1], got 2",
                        "v.yaml:2:8: rules file: 'rules' is empty");
        assertThat(RulesValidator.validate("rules:\n  - name: a\n    name: b\n", "dup.yaml")).extracting(RuleError::toString)
                .contains("dup.yaml:3:5: duplicate key 'name' (first at 2:5)");
    }

    @Test
    void labelMetricRulesNeedEvaluateAfter() {
        String notifiers = "notifiers:\n  - {name: hook, type: webhook, url: 'http://localhost:1/'}\nrules:\n";
        String calibration = "  - name: ece\n    selector: {metric: calibration}\n"
                + "    condition: {value: ece, op: '>', threshold: 0.1}\n    severity: error\n    routes: [hook]\n";
        assertThat(RulesValidator.validate(notifiers + calibration, "r.yaml")).extracting(RuleError::toString)
                .containsExactly("r.yaml:5:15: rule 'ece': metric 'calibration' is revised as labels arrive;"
                        + " set 'evaluate_after' (e.g. 6h), the event time after a window's end at which it is judged");
        RuleSet set = RulesParser.parse(notifiers + calibration + "    evaluate_after: 6h\n"
                + "  - name: coverage\n    selector: {metric: performance}\n"
                + "    condition: {value: coverage, op: '<', threshold: 0.2}\n    severity: warning\n"
                + "    routes: [hook]\n    evaluate_after: 0\n", "r.yaml");
        assertThat(set.rule("ece").orElseThrow().evaluateAfter()).isEqualTo(Duration.ofHours(6));
        assertThat(set.rule("coverage").orElseThrow().evaluateAfter()).isEqualTo(Duration.ZERO);
        assertThat(MetricFamily.FEATURE_DRIFT.revised()).as("optional for label drift rows").isFalse();
    }

    @Test
    void missingFileIsOneError() {
        assertThat(RulesValidator.validate(Path.of("/no/such/rules.yaml"))).extracting(RuleError::message)
                .containsExactly("no readable rules file at /no/such/rules.yaml");
    }

    @Test
    void exampleFileOnDiskValidates() {
        assertThat(RulesValidator.validate(Path.of("src/main/resources/rules-example.yaml"))).isEmpty();
    }

    @Test
    void globsAndTemplates() {
        assertThat(new Glob("fraud-?").matches("fraud-1")).isTrue();
        assertThat(new Glob("fraud-?").matches("fraud-12")).isFalse();
        assertThat(new Glob("a.b").matches("axb")).as("dot is literal").isFalse();
        assertThat(Glob.ANY.matches("")).isTrue();
        LinkTemplate t = new LinkTemplate("https://g/d?m={model}&f={feature}");
        assertThat(t.render(Map.of(LinkTemplate.Placeholder.MODEL, "fraud v2", LinkTemplate.Placeholder.FEATURE, "a&b")))
                .isEqualTo("https://g/d?m=fraud+v2&f=a%26b");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{model}");
        assertThat(SecretRef.parse("${file:relative}")).isEmpty();
        assertThat(SecretRef.parse("${env:1BAD}")).isEmpty();
        assertThat(SecretRef.parse(" ${file:/run/s} ")).contains(new SecretRef(SecretRef.Source.FILE, "/run/s"));
    }
}
