package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.notify.RetryPolicy;
import io.driftwatch.flink.config.ClickHouseConfig;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.labels.LabelPipeline;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.sink.ClickHouseSink;
import io.driftwatch.schemas.tables.AlertRow;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.PerformanceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * Alerting attached to the job's metric outputs:
 *
 * <pre>
 * feature_drift ─┐ MetricConverters (one per row type)
 * latency ───────┼─► union ObservationRecord ─► RuleRouter ─► keyBy(unit) ─► AlertEvaluatorFunction ─┬─► alerts table
 * data_quality ──┘                                                  (event-time timers, keyed state) └─► AlertDeliverySink (p=1)
 * </pre>
 *
 * With the label pipeline, its performance rows (calibration, performance), label drift (feature_drift) and change
 * points join the union ({@link #labelObservations}). Further metric streams are converted with a
 * {@link MetricConverters} function and added to the list {@link #observations} returns.
 */
public final class AlertTopology {

    private AlertTopology() {
    }

    /** Where alert events go. */
    public record Sinks(Sink<AlertRecord> alertsTable, Sink<AlertRecord> delivery) {
        public Sinks {
            Objects.requireNonNull(alertsTable, "alertsTable");
            Objects.requireNonNull(delivery, "delivery");
        }

        /** The {@code alerts} table in the configured ClickHouse and delivery through the rules' notifiers. */
        public static Sinks of(DriftwatchConfig config, RulesSource rules) {
            return new Sinks(AlertTopology.alertsTable(config), new AlertDeliverySink(rules, RetryPolicy.DEFAULT));
        }
    }

    /**
     * The job's hook: with {@code alerting.rules} configured, evaluates the rules on the job's metric outputs and
     * attaches the alerts table and delivery; without it, does nothing.
     *
     * @return the alert events, or {@code null} without rules
     */
    public static DataStream<AlertRecord> attachIfConfigured(DriftwatchJob.Outputs outputs, DriftwatchConfig config) {
        if (!config.alerting().enabled()) {
            return null;
        }
        RulesSource rules = new RulesSource(config.alerting().rulesYaml(), config.alerting().rulesFile());
        return attach(observations(outputs), rules, Sinks.of(config, rules));
    }

    /** Every metric stream of the job as observations (the streams {@link #attach} unites). */
    public static List<DataStream<ObservationRecord>> observations(DriftwatchJob.Outputs outputs) {
        DataStream<ObservationRecord> drift = outputs.featureDrift()
                .filter(r -> r.subject() != Subject.LABEL) // the job unites label drift in; it joins as revisions
                .name("alert-input-feature-drift-only").uid("alert-input-feature-drift-only")
                .flatMap((FeatureDriftRow r, Collector<ObservationRecord> out) ->
                        MetricConverters.featureDrift(r).map(ObservationRecord::of).ifPresent(out::collect))
                .returns(ObservationRecord.class).name("alert-input-feature-drift").uid("alert-input-feature-drift");
        DataStream<ObservationRecord> latency = outputs.latency()
                .map((LatencyRow r) -> ObservationRecord.of(MetricConverters.latency(r)))
                .returns(ObservationRecord.class).name("alert-input-latency").uid("alert-input-latency");
        DataStream<ObservationRecord> quality = outputs.dataQuality()
                .map((DataQualityRow r) -> ObservationRecord.of(MetricConverters.dataQuality(r)))
                .returns(ObservationRecord.class).name("alert-input-data-quality").uid("alert-input-data-quality");
        List<DataStream<ObservationRecord>> all = new ArrayList<>(List.of(drift, latency, quality));
        if (outputs.labels() != null) {
            all.addAll(labelObservations(outputs.labels()));
        }
        return List.copyOf(all);
    }

    /**
     * The label pipeline's streams as observations: performance rows → calibration and performance (revisions),
     * label drift → feature_drift (revisions, feature {@code label}), change points → change_point.
     */
    public static List<DataStream<ObservationRecord>> labelObservations(LabelPipeline.Outputs labels) {
        DataStream<ObservationRecord> performance = labels.performance()
                .flatMap((PerformanceRow r, Collector<ObservationRecord> out) -> {
                    long emittedAt = r.emittedAt().toEpochMilli();
                    out.collect(ObservationRecord.revision(MetricConverters.calibration(r), emittedAt));
                    out.collect(ObservationRecord.revision(MetricConverters.performance(r), emittedAt));
                })
                .returns(ObservationRecord.class).name("alert-input-performance").uid("alert-input-performance");
        DataStream<ObservationRecord> labelDrift = labels.labelDrift()
                .flatMap((FeatureDriftRow r, Collector<ObservationRecord> out) -> MetricConverters.featureDrift(r)
                        .map(o -> ObservationRecord.revision(o, r.emittedAt())).ifPresent(out::collect))
                .returns(ObservationRecord.class).name("alert-input-label-drift").uid("alert-input-label-drift");
        DataStream<ObservationRecord> changePoints = labels.changePoints()
                .map((ChangePointRow r) -> ObservationRecord.of(MetricConverters.changePoint(r)))
                .returns(ObservationRecord.class).name("alert-input-change-points").uid("alert-input-change-points");
        return List.of(performance, labelDrift, changePoints);
    }

    /** Evaluates the rules on the united observations and sends the events to both sinks. */
    public static DataStream<AlertRecord> attach(List<DataStream<ObservationRecord>> observations, RulesSource rules,
                                                 Sinks sinks) {
        SingleOutputStreamOperator<AlertRecord> events = evaluate(observations, rules);
        events.sinkTo(sinks.alertsTable()).name("alerts").uid("sink-alerts");
        // its own task: its committer waits out a receiver outage, which must not stall the evaluation and the table
        events.sinkTo(sinks.delivery()).setParallelism(1).name("alert-delivery").uid("sink-alert-delivery")
                .disableChaining();
        return events;
    }

    /** The evaluation alone: observations in, alert events out (event time = the window's due time). */
    public static SingleOutputStreamOperator<AlertRecord> evaluate(List<DataStream<ObservationRecord>> observations,
                                                                   RulesSource rules) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("alerting needs at least one metric stream");
        }
        DataStream<ObservationRecord> all = observations.get(0);
        if (observations.size() > 1) {
            @SuppressWarnings("unchecked")
            DataStream<ObservationRecord>[] rest = observations.subList(1, observations.size()).toArray(new DataStream[0]);
            all = all.union(rest);
        }
        return all.process(new RuleRouter(rules)).name("alert-route").uid("alert-route")
                .keyBy(r -> r.unit)
                .process(new AlertEvaluatorFunction(rules)).name("alert-evaluate").uid("alert-evaluate");
    }

    /** A ClickHouse sink on the {@code alerts} table, batching as configured in {@code sink}. */
    public static Sink<AlertRecord> alertsTable(DriftwatchConfig config) {
        ClickHouseConfig clickhouse = config.clickhouse();
        String url = clickhouse.url().startsWith("jdbc:") ? clickhouse.url() : "jdbc:clickhouse:" + clickhouse.url();
        return ClickHouseSink.<AlertRecord>builder()
                .jdbcUrl(url)
                .credentials(clickhouse.user(), clickhouse.password() == null ? "" : clickhouse.password().reveal())
                .table(clickhouse.database() + "." + AlertRow.TABLE.name())
                .columns(AlertRow.TABLE.columns().toArray(new String[0]))
                .binder((r, statement) -> r.toRow().bind(statement))
                .maxBatchRows(config.sink().batchRows())
                .flushInterval(config.sink().flushInterval())
                .build();
    }
}
