package io.driftwatch.flink.job;

import io.driftwatch.flink.alerting.AlertTopology;
import io.driftwatch.flink.config.ClickHouseConfig;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.KafkaConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.shuffle.ObservationBatchTypeInfo;
import io.driftwatch.flink.shuffle.PreShuffleBundler;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.BaselineUpdates;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.raw.RawPredictionSampler;
import io.driftwatch.flink.labels.LabelPipeline;
import io.driftwatch.flink.labels.LabelRecord;
import io.driftwatch.flink.labels.LabelSources;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.VolumeRow;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.EventTimes;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.source.SourceEvent;
import io.driftwatch.flink.window.WindowAggregator;
import io.driftwatch.flink.window.WindowEmitter;
import io.driftwatch.flink.window.WindowSettings;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The Driftwatch streaming topology, built on a given environment from a {@link DriftwatchConfig} and
 * injected sources and sinks (tests pass embedded Kafka and ClickHouse; the CLI the config's):
 *
 * <pre>
 * predictions (KafkaSource, parse in deserializer, watermarks per partition)
 *   -> DeadLetterRouter --dead letters--> dead-letter topic + dead_letters table
 *   -> PreShuffleBundler (chained: observations grouped per key, flushed before watermarks and checkpoints)
 *   -> keyBy(model, version, segment)
 *   -> connect(baseline updates, broadcast; watermark MAX so they never hold windows back) -> WindowAggregator
 *        main: feature_drift | side: volume, latency, data_quality, late (counted)
 *   -> (when raw_predictions sampling is on) RawPredictionSampler -> predictions_raw
 * labels (optional) + the routed predictions -> {@link LabelPipeline}: performance, reliability, change_points,
 *   label drift (feature_drift, subject label), rejected labels -> the same dead-letter topic and table
 * </pre>
 */
public final class DriftwatchJob {

    /** Checkpoint interval: sinks flush on checkpoints, so this bounds how stale ClickHouse can be. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(30);

    /**
     * The job's inputs.
     *
     * @param predictions     prediction source ({@code PredictionSources.kafka(config).build()} in production)
     * @param baselineUpdates broadcast baseline updates, or {@code null} for none
     * @param baselineLoader  stored baselines loaded at operator start
     * @param labels          label source ({@code LabelSources.kafka(config).build()} in production), or
     *                        {@code null} for no label pipeline
     */
    public record Inputs(Source<SourceEvent, ?, ?> predictions, DataStream<BaselineUpdate> baselineUpdates,
                         BaselineLoader baselineLoader, Source<LabelRecord, ?, ?> labels) {
        public Inputs {
            Objects.requireNonNull(predictions, "predictions");
            Objects.requireNonNull(baselineLoader, "baselineLoader");
        }

        /** Without labels. */
        public Inputs(Source<SourceEvent, ?, ?> predictions, DataStream<BaselineUpdate> baselineUpdates,
                      BaselineLoader baselineLoader) {
            this(predictions, baselineUpdates, baselineLoader, null);
        }
    }

    /**
     * The topology's output streams, before sinks. {@code deadLetters} holds the rejected labels too;
     * {@code rawPredictions}: the sampled valid predictions (for {@code predictions_raw}), {@code null} when
     * {@code raw_predictions} sampling is off for every model; {@code labels} is {@code null} without a label source.
     */
    public record Outputs(DataStream<FeatureDriftRow> featureDrift, DataStream<VolumeRow> volume,
                          DataStream<LatencyRow> latency, DataStream<DataQualityRow> dataQuality,
                          DataStream<DeadLetterRecord> deadLetters, DataStream<Observation> lateEvents,
                          DataStream<Observation> rawPredictions, LabelPipeline.Outputs labels) {

        /** Without labels and raw predictions. */
        public Outputs(DataStream<FeatureDriftRow> featureDrift, DataStream<VolumeRow> volume,
                       DataStream<LatencyRow> latency, DataStream<DataQualityRow> dataQuality,
                       DataStream<DeadLetterRecord> deadLetters, DataStream<Observation> lateEvents) {
            this(featureDrift, volume, latency, dataQuality, deadLetters, lateEvents, null, null);
        }
    }

    private DriftwatchJob() {}

    /** An empty update stream (Flink cannot build a source from an empty collection). */
    static final class NoUpdates implements FlatMapFunction<Long, BaselineUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Long ignored, Collector<BaselineUpdate> out) {
            // emits nothing: without an update stream, baselines come from the loader only
        }
    }

    /** Builds the topology; attach sinks with {@link #sinkTo}. */
    public static Outputs topology(StreamExecutionEnvironment env, DriftwatchConfig config, Inputs inputs) {
        // Every operator here builds new records and never changes its inputs, so chained operators may pass
        // records by reference instead of deep-copying each one (about 10% of the source task's CPU, JFR).
        env.getConfig().enableObjectReuse();
        WindowSettings settings = WindowSettings.from(config);
        DriftEvaluator evaluator = new DriftEvaluator(config.drift());
        SingleOutputStreamOperator<Observation> observations = env
                .fromSource(inputs.predictions(), EventTimes.watermarks(config.windows()), "predictions")
                .uid("predictions-source")
                .process(new DeadLetterRouter()).name("route-dead-letters").uid("route-dead-letters");
        DataStream<BaselineUpdate> updates = (inputs.baselineUpdates() != null ? inputs.baselineUpdates()
                : env.fromSequence(0, 0).flatMap(new NoUpdates()).returns(TypeInformation.of(BaselineUpdate.class))
                .name("no-baseline-updates"))
                .assignTimestampsAndWatermarks(BaselineUpdates.neverHoldingBackWindows())
                .name("baseline-updates-watermarks");
        DataStream<ObservationBatch> bundles = observations
                .transform("bundle-per-key", ObservationBatchTypeInfo.INSTANCE,
                        new PreShuffleBundler(config.windows().bundleEvents()))
                .uid("bundle-per-key");
        SingleOutputStreamOperator<FeatureDriftRow> drift = bundles
                .keyBy(ObservationBatch::windowKey)
                .connect(updates.broadcast(WindowAggregator.BASELINES))
                .process(new WindowAggregator(settings, new WindowEmitter(evaluator), inputs.baselineLoader()))
                .name("windows").uid("windows");
        DataStream<Observation> sampled = !config.rawPredictions().enabled() ? null : observations
                .filter(new RawPredictionSampler(config.rawPredictions())).name("sample-raw-predictions")
                .uid("sample-raw-predictions");
        DataStream<DeadLetterRecord> deadLetters = observations.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
        LabelPipeline.Outputs labels = null;
        if (inputs.labels() != null) {
            labels = LabelPipeline.build(env, config, observations, inputs.labels(), inputs.baselineLoader());
            deadLetters = deadLetters.union(labels.deadLetters());
        }
        DataStream<FeatureDriftRow> featureDrift = labels == null ? drift : drift.union(labels.labelDrift());
        return new Outputs(featureDrift, drift.getSideOutput(WindowAggregator.VOLUME),
                drift.getSideOutput(WindowAggregator.LATENCY), drift.getSideOutput(WindowAggregator.QUALITY),
                deadLetters, drift.getSideOutput(WindowAggregator.LATE), sampled, labels);
    }

    /** Attaches the result sinks and, when given, the dead-letter topic sink. */
    public static void sinkTo(Outputs outputs, ResultSinks sinks, Sink<DeadLetterRecord> deadLetterTopic) {
        outputs.featureDrift().sinkTo(sinks.featureDrift()).name("feature_drift").uid("sink-feature-drift");
        outputs.volume().sinkTo(sinks.volume()).name("volume").uid("sink-volume");
        outputs.latency().sinkTo(sinks.latency()).name("latency").uid("sink-latency");
        outputs.dataQuality().sinkTo(sinks.dataQuality()).name("data_quality").uid("sink-data-quality");
        outputs.deadLetters().sinkTo(sinks.deadLetterTable()).name("dead_letters").uid("sink-dead-letters");
        if (outputs.rawPredictions() != null && sinks.predictionsRaw() != null) {
            outputs.rawPredictions().sinkTo(sinks.predictionsRaw()).name("predictions_raw").uid("sink-predictions-raw");
        }
        if (outputs.labels() != null) {
            LabelPipeline.Outputs labels = outputs.labels();
            labels.performance().sinkTo(sinks.required(sinks.performance(), "performance")).name("performance")
                    .uid("sink-performance");
            labels.reliability().sinkTo(sinks.required(sinks.reliability(), "reliability")).name("reliability")
                    .uid("sink-reliability");
            labels.changePoints().sinkTo(sinks.required(sinks.changePoints(), "changePoints")).name("change_points")
                    .uid("sink-change-points");
        }
        if (deadLetterTopic != null) {
            outputs.deadLetters().sinkTo(deadLetterTopic).name("dead-letter-topic").uid("sink-dead-letter-topic");
        }
    }

    /**
     * The production job from the config alone: predictions from the configured topic, baseline updates from
     * {@value BaselineUpdates#DEFAULT_TOPIC}, stored baselines from ClickHouse, results to ClickHouse and
     * dead letters to the configured topic and table.
     */
    public static Outputs production(StreamExecutionEnvironment env, DriftwatchConfig config) {
        KafkaConfig kafka = config.kafka();
        ClickHouseConfig clickhouse = config.clickhouse();
        DataStream<BaselineUpdate> updates = env.fromSource(BaselineUpdates
                        .kafka(kafka.bootstrapServers(), BaselineUpdates.DEFAULT_TOPIC, kafka.consumerGroup() + "-baselines")
                        .setProperties(kafka.properties().toConsumerProperties()).build(),
                WatermarkStrategy.noWatermarks(), "baseline-updates").uid("baseline-updates-source");
        BaselineLoader loader = new ClickHouseBaselineLoader(ResultSinks.jdbcUrl(clickhouse.url()), clickhouse.user(),
                clickhouse.password() == null ? "" : clickhouse.password().reveal(), clickhouse.database());
        Inputs inputs = new Inputs(PredictionSources.kafka(config).build(), updates, loader,
                LabelSources.kafka(config).build());
        return build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(kafka));
    }

    /** The whole job: checkpointing, topology and sinks. */
    public static Outputs build(StreamExecutionEnvironment env, DriftwatchConfig config, Inputs inputs,
                                ResultSinks sinks, Sink<DeadLetterRecord> deadLetterTopic) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        }
        Outputs outputs = topology(env, config, inputs);
        sinkTo(outputs, sinks, deadLetterTopic);
        AlertTopology.attachIfConfigured(outputs, config);
        return outputs;
    }
}
