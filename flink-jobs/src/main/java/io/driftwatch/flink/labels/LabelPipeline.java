package io.driftwatch.flink.labels;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.ReliabilityRow;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The label side of the job:
 * <pre>
 * labels (KafkaSource, parse in deserializer, watermarks per partition) --parse failures--> dead letters
 * predictions (tapped after the dead-letter router) --+
 *                                                     +-> keyBy(model, prediction id) -> LabelJoin --rejected--> dead letters
 *   -> keyBy(model, version, segment, window) -> WindowPerformance -> performance | side: reliability, label drift
 *      (feature_drift, subject label)
 *   -> keyBy(model, version, segment) -> ErrorChangeDetection -> change_points
 * </pre>
 */
public final class LabelPipeline {

    private LabelPipeline() {}

    /** The label pipeline's output streams, before sinks. */
    public record Outputs(DataStream<PerformanceRow> performance, DataStream<ReliabilityRow> reliability,
                          DataStream<ChangePointRow> changePoints, DataStream<DeadLetterRecord> deadLetters,
                          DataStream<FeatureDriftRow> labelDrift) {}

    /** Valid labels to the main output, unparseable ones to {@link LabelJoin#DEAD_LETTERS}. */
    static final class SplitParseFailures extends ProcessFunction<LabelRecord, LabelRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(LabelRecord label, Context ctx, Collector<LabelRecord> out) {
            if (label.isValid()) {
                out.collect(label);
            } else {
                ctx.output(LabelJoin.DEAD_LETTERS, label.deadLetter);
            }
        }
    }

    /** Builds the label pipeline on the parsed predictions and a label source; label drift uses the loader's baselines. */
    public static Outputs build(StreamExecutionEnvironment env, DriftwatchConfig config,
                                DataStream<Observation> predictions, Source<LabelRecord, ?, ?> labels,
                                BaselineLoader baselines) {
        long windowSize = config.windows().size().toMillis();
        SingleOutputStreamOperator<LabelRecord> parsed = env
                .fromSource(labels, LabelSources.watermarks(config.windows()), "labels").uid("labels-source")
                .process(new SplitParseFailures()).name("route-label-dead-letters").uid("route-label-dead-letters");
        SingleOutputStreamOperator<Outcome> outcomes = predictions
                .keyBy(o -> LabelJoin.joinKey(o.modelId, o.predictionId))
                .connect(parsed.keyBy(LabelRecord::joinKey))
                .process(new LabelJoin(config.labels(), windowSize)).name("label-join").uid("label-join");
        SingleOutputStreamOperator<PerformanceRow> performance = outcomes
                .keyBy(Outcome::windowKey)
                .process(new WindowPerformance(config.labels(), windowSize, config.drift(), baselines))
                .name("window-performance").uid("window-performance");
        SingleOutputStreamOperator<ChangePointRow> changePoints = outcomes
                .keyBy(Outcome::streamKey)
                .process(new ErrorChangeDetection(config.labels()))
                .name("error-change-detection").uid("error-change-detection");
        DataStream<DeadLetterRecord> deadLetters = parsed.getSideOutput(LabelJoin.DEAD_LETTERS)
                .union(outcomes.getSideOutput(LabelJoin.DEAD_LETTERS));
        return new Outputs(performance, performance.getSideOutput(WindowPerformance.RELIABILITY), changePoints,
                deadLetters, performance.getSideOutput(WindowPerformance.LABEL_DRIFT));
    }
}
