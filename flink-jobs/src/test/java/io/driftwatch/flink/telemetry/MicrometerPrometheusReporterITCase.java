package io.driftwatch.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.localstack.process.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Driftwatch's Flink metrics reach a Prometheus scrape through Micrometer; Flink's own metrics do not. */
class MicrometerPrometheusReporterITCase {

    private static final int PORT = FreePorts.pick(1)[0];

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(reporterConfiguration()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static Configuration reporterConfiguration() {
        return MicrometerPrometheusReporter.enable(new Configuration(), Integer.toString(PORT));
    }

    /** Counts every element, and every tenth as a parse error with a reason, like the pipeline's operators. */
    static final class CountingMap extends RichMapFunction<Long, Long> {
        private transient Counter events;
        private transient Counter errors;

        @Override
        public void open(OpenContext openContext) {
            MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(PipelineMetrics.GROUP);
            events = group.counter(PipelineMetrics.EVENTS_IN);
            errors = group.addGroup(PipelineMetrics.REASON_TAG, "invalid_json").counter(PipelineMetrics.PARSE_ERRORS);
        }

        @Override
        public Long map(Long value) {
            events.inc();
            if (value % 10 == 0) {
                errors.inc();
            }
            return value;
        }
    }

    private static String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String scrape, Pattern series) {
        Matcher m = series.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void pipelineCountersAreScrapedWithTheirTags() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, Long.MAX_VALUE).map(new CountingMap()).name("counting").sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("metrics");
        try {
            Pattern events = Pattern.compile("(?m)^driftwatch_events_in_total\\{[^}]*job_name=\"metrics\"[^}]*} (\\S+)$");
            Pattern errors = Pattern.compile("(?m)^driftwatch_parse_errors_total\\{[^}]*reason=\"invalid_json\"[^}]*} (\\S+)$");
            await().atMost(Duration.ofSeconds(60)).until(() -> value(scrape(), events) >= 1000);
            String scrape = scrape();
            double eventCount = value(scrape, events);
            double errorCount = value(scrape, errors);
            assertThat(errorCount).as(scrape).isPositive().isLessThanOrEqualTo(eventCount);
            assertThat(scrape).contains("operator_name=\"counting\"");
            assertThat(scrape).as("Flink's own metrics are not mirrored").doesNotContain("numRecordsIn");
        } finally {
            job.cancel().get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getJobStatus().get() == JobStatus.CANCELED);
    }
}
