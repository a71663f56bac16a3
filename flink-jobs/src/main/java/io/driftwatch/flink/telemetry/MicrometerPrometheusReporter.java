package io.driftwatch.flink.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;

/**
 * A Flink metric reporter that mirrors Driftwatch's own metrics (those registered under the
 * {@value PipelineMetrics#GROUP} group) into a Micrometer Prometheus registry and serves it for scraping.
 * Flink's hundreds of built-in metrics are left to Flink's own reporters. A counter {@code events_in}
 * becomes {@code driftwatch_events_in_total}, tagged with the job, operator, subtask and any key-value
 * sub-group (such as {@code reason}).
 *
 * <p>Configured in Flink's configuration:
 * {@code metrics.reporter.driftwatch.factory.class: io.driftwatch.flink.telemetry.MicrometerPrometheusReporterFactory},
 * {@code metrics.reporter.driftwatch.port: 9249-9259}, {@code metrics.reporter.driftwatch.host: 0.0.0.0}.
 */
public final class MicrometerPrometheusReporter implements MetricReporter {

    public static final String PORT_KEY = "port";
    public static final String HOST_KEY = "host";
    /** Prometheus's registered default for Flink; a range so several TaskManagers on one host each get one. */
    public static final String DEFAULT_PORTS = "9249-9259";
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Flink scope variables that become tags; the others (host, tm_id, ids) only multiply series. */
    static final Set<String> TAG_VARIABLES = Set.of("job_name", "task_name", "operator_name", "subtask_index");

    /** Flink configuration prefix of this reporter. */
    public static final String CONFIG_PREFIX = "metrics.reporter.driftwatch.";

    /** Adds this reporter to a Flink configuration, serving on the first free port of {@code ports}. */
    public static org.apache.flink.configuration.Configuration enable(org.apache.flink.configuration.Configuration conf,
                                                                      String ports) {
        conf.setString(CONFIG_PREFIX + "factory.class", MicrometerPrometheusReporterFactory.class.getName());
        conf.setString(CONFIG_PREFIX + PORT_KEY, ports);
        return conf;
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Metric, Meter> meters = new ConcurrentHashMap<>();
    private PrometheusEndpoint endpoint;

    @Override
    public void open(MetricConfig config) {
        String host = config.getString(HOST_KEY, DEFAULT_HOST);
        endpoint = PrometheusEndpoint.start(host, PrometheusEndpoint.PortRange.parse(
                config.getString(PORT_KEY, DEFAULT_PORTS)), registry);
    }

    /** The bound port, e.g. for a log line or a test. */
    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        registry.close();
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        List<String> scope = Arrays.asList(group.getScopeComponents());
        if (!scope.contains(PipelineMetrics.GROUP)) {
            return;
        }
        String name = PipelineMetrics.GROUP + "_" + metricName;
        List<Tag> tags = tags(group, scope);
        Meter meter;
        if (metric instanceof Counter counter) {
            meter = FunctionCounter.builder(name, counter, Counter::getCount).tags(tags).register(registry);
        } else if (metric instanceof org.apache.flink.metrics.Gauge<?> gauge) {
            meter = Gauge.builder(name, gauge, MicrometerPrometheusReporter::gaugeValue).tags(tags).register(registry);
        } else if (metric instanceof org.apache.flink.metrics.Meter rate) {
            meter = Gauge.builder(name + "_per_second", rate, org.apache.flink.metrics.Meter::getRate)
                    .tags(tags).register(registry);
        } else {
            return; // histograms: not used by Driftwatch's operators
        }
        meters.put(metric, meter);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        Meter meter = meters.remove(metric);
        if (meter != null) {
            registry.remove(meter);
        }
    }

    private static List<Tag> tags(MetricGroup group, List<String> scope) {
        List<String> belowOurGroup = scope.subList(scope.indexOf(PipelineMetrics.GROUP) + 1, scope.size());
        List<Tag> tags = new ArrayList<>();
        group.getAllVariables().forEach((key, value) -> {
            String name = key.replace("<", "").replace(">", "");
            // A key-value sub-group (addGroup("reason", id)) shows as a variable and as scope components below ours.
            if (TAG_VARIABLES.contains(name) || belowOurGroup.contains(name)) {
                tags.add(Tag.of(name, value));
            }
        });
        return tags;
    }

    private static double gaugeValue(org.apache.flink.metrics.Gauge<?> gauge) {
        Object value = gauge.getValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
