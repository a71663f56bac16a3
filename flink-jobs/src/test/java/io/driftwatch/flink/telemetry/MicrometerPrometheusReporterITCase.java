package io.driftwatch.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.localstack.process.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.config.BaselineConfig;
import io.driftwatch.flink.config.BaselineSpec;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.TestSelection;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.window.WindowAggregator;
import io.driftwatch.flink.window.WindowEmitter;
import io.driftwatch.flink.window.WindowSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
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

    /** The same event over and over, one per millisecond of event time, for model {@value #MODEL} in segment DE. */
    static final class Events implements MapFunction<Long, Observation> {
        @Override
        public Observation map(Long i) {
            Observation o = new Observation();
            o.predictionId = "p-" + i;
            o.modelId = MODEL;
            o.modelVersion = "v1";
            o.segment = "country=DE";
            o.eventTimeMillis = i;
            o.score = 0.5;
            o.latencyMs = 1.0;
            o.predictedClass = "";
            o.featureNames = new String[] {"amount"};
            o.featureKinds = new byte[] {FeatureKindCode.NUMBER};
            o.numbers = new double[] {i % 7};
            o.texts = new String[] {""};
            return o;
        }
    }

    private static final String MODEL = "aged";
    /** How old the stored baseline is when the job starts. */
    private static final Duration BASELINE_AGE = Duration.ofHours(3);

    @Test
    void baselineAgeOfTheWindowOperatorIsScrapedPerModelVersionAndSegment() throws Exception {
        Instant created = Instant.now().minus(BASELINE_AGE);
        Map<String, ReferenceProfile> profiles = Map.of("amount", new ReferenceProfile("amount",
                NumericProfile.fromReference(new double[] {0, 1, 2, 3, 4, 5, 6}, new Binning.Quantiles(2))));
        // as JSON: the loader is serialized with the job, and BaselineUpdate is a POJO, not Serializable
        byte[] storedJson = BaselineUpdate.of(MODEL, "v1", "", "stored-1", created, profiles).toJson();
        WindowSettings settings = new WindowSettings(60_000, 0, 10, 10, 2, BinningStrategy.QUANTILE,
                new BaselineConfig(new BaselineSpec.Rolling(2), Map.of()));
        DriftEvaluator evaluator = new DriftEvaluator(
                new DriftConfig(TestSelection.AUTO, Map.of(), Map.of(), 2, BinningStrategy.QUANTILE));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<BaselineUpdate> noUpdates = env.fromSequence(0, 0)
                .flatMap((Long ignored, Collector<BaselineUpdate> out) -> { })
                .returns(TypeInformation.of(BaselineUpdate.class));
        env.fromSequence(1, Long.MAX_VALUE).map(new Events()).map(ObservationBatch::of)
                .keyBy(ObservationBatch::windowKey)
                .connect(noUpdates.broadcast(WindowAggregator.BASELINES))
                .process(new WindowAggregator(settings, new WindowEmitter(evaluator),
                        () -> List.of(BaselineUpdate.fromJson(storedJson))))
                .name("windows").sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("baseline-age");
        try {
            Pattern age = Pattern.compile("(?m)^driftwatch_baseline_age_seconds\\{[^}]*model=\"" + MODEL
                    + "\"[^}]*segment=\"\\*\"[^}]*} (\\S+)$");
            await().atMost(Duration.ofSeconds(60)).until(() -> value(scrape(), age) > 0);
            String scrape = scrape();
            double seconds = value(scrape, age);
            assertThat(seconds).as(scrape).isBetween((double) BASELINE_AGE.toSeconds(),
                    (double) Duration.between(created, Instant.now()).toSeconds() + 1);
            assertThat(scrape).containsPattern("driftwatch_baseline_age_seconds\\{[^}]*version=\"v1\"");
        } finally {
            job.cancel().get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getJobStatus().get() == JobStatus.CANCELED);
    }
}
