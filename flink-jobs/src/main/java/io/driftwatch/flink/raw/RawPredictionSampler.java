package io.driftwatch.flink.raw;

import io.driftwatch.flink.config.RawPredictionsConfig;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Keeps the predictions in the raw sample: those {@link RawSampling#keeps} at their model's
 * {@code raw_predictions.<model>.sample_rate}; counted in {@value PipelineMetrics#RAW_PREDICTIONS_SAMPLED}.
 * Stateless, so it can sit anywhere after parsing; observations without a prediction id are never kept.
 */
public final class RawPredictionSampler extends RichFilterFunction<Observation> {

    private static final long serialVersionUID = 1L;

    private final RawPredictionsConfig rates;
    private transient Counter sampled;

    public RawPredictionSampler(RawPredictionsConfig rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    @Override
    public void open(OpenContext openContext) {
        sampled = getRuntimeContext().getMetricGroup().addGroup(PipelineMetrics.GROUP)
                .counter(PipelineMetrics.RAW_PREDICTIONS_SAMPLED);
    }

    @Override
    public boolean filter(Observation o) {
        boolean keep = o.predictionId != null && RawSampling.keeps(o.predictionId, rates.rateFor(o.modelId));
        if (keep) {
            sampled.inc();
        }
        return keep;
    }
}
