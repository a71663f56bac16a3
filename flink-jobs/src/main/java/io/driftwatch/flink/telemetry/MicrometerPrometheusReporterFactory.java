package io.driftwatch.flink.telemetry;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Lets Flink create the {@link MicrometerPrometheusReporter} from {@code metrics.reporter.<name>.factory.class}. */
public final class MicrometerPrometheusReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new MicrometerPrometheusReporter();
    }
}
