package io.driftwatch.flink.source;

import io.driftwatch.flink.config.WindowConfig;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategy given to {@code fromSource}: bounded out-of-orderness and idleness from the
 * config, event time from the parsed event. Dead letters get {@link Long#MIN_VALUE}, so they never move the
 * watermark (their Kafka timestamp may be far from the events' time).
 */
public final class EventTimes {

    private EventTimes() {}

    public static WatermarkStrategy<SourceEvent> watermarks(WindowConfig windows) {
        WatermarkStrategy<SourceEvent> strategy = WatermarkStrategy
                .<SourceEvent>forBoundedOutOfOrderness(windows.outOfOrderness())
                .withTimestampAssigner(timestamps());
        Duration idleness = windows.idleness();
        return idleness.isZero() ? strategy : strategy.withIdleness(idleness);
    }

    static SerializableTimestampAssigner<SourceEvent> timestamps() {
        return (event, recordTimestamp) -> event.isValid() ? event.observation.eventTimeMillis : Long.MIN_VALUE;
    }
}
