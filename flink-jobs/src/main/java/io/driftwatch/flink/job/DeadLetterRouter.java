package io.driftwatch.flink.job;

import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.source.SourceEvent;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Valid observations to the main output, dead letters to {@link #DEAD_LETTERS}, counted by reason. */
public final class DeadLetterRouter extends ProcessFunction<SourceEvent, Observation> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<DeadLetterRecord> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetterRecord.class));

    private transient Map<ParseFailureReason, Counter> deadLettered;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(PipelineMetrics.GROUP);
        deadLettered = new EnumMap<>(ParseFailureReason.class);
        for (ParseFailureReason reason : ParseFailureReason.values()) {
            deadLettered.put(reason, group.addGroup(PipelineMetrics.REASON_TAG, reason.id())
                    .counter(PipelineMetrics.DEAD_LETTERED));
        }
    }

    @Override
    public void processElement(SourceEvent event, Context ctx, Collector<Observation> out) {
        if (event.isValid()) {
            out.collect(event.observation);
        } else {
            deadLettered.get(ParseFailureReason.fromId(event.deadLetter.reason)).inc();
            ctx.output(DEAD_LETTERS, event.deadLetter);
        }
    }
}
