package io.driftwatch.flink.shuffle;

import io.driftwatch.flink.source.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Groups observations by window key before the keyBy shuffle, chained to the source, and emits one
 * {@link ObservationBatch} per key (events in arrival order) when {@code maxEvents} are buffered, before every
 * watermark and watermark status it forwards, before every checkpoint barrier
 * ({@link #prepareSnapshotPreBarrier}) and at end of input. So nothing sits in un-checkpointed operator memory
 * at a checkpoint, and every event reaches the window operator before any watermark that followed it at the
 * source: lateness is decided exactly as without bundling, and per key the window operator adds the same
 * events in the same order. Flink's MapBundle (mini-batch) pattern, without the pre-aggregation: window
 * frames (baseline bin edges, rolling frames) live in the keyed operator's state, so upstream cannot
 * pre-aggregate into mergeable window states; and sketch merges (KLL, Welford moments) are not bit-identical
 * to adding the same values one by one.
 *
 * <p>Memory: at most {@code maxEvents} observations (references, not copies) per subtask.
 */
public final class PreShuffleBundler extends AbstractStreamOperator<ObservationBatch>
        implements OneInputStreamOperator<Observation, ObservationBatch> {

    private static final long serialVersionUID = 1L;
    private final int maxEvents;
    private transient Map<String, List<Observation>> pending;
    private transient int buffered;

    /** @param maxEvents observations buffered per subtask before a flush; at least 1 */
    public PreShuffleBundler(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a bundle holds at least one event, got maxEvents " + maxEvents);
        }
        this.maxEvents = maxEvents;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new LinkedHashMap<>();
        buffered = 0;
    }

    @Override
    public void processElement(StreamRecord<Observation> element) {
        Observation o = element.getValue();
        pending.computeIfAbsent(o.windowKey(), k -> new ArrayList<>()).add(o);
        if (++buffered >= maxEvents) {
            flush();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        flush();
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    /** Emits one batch per buffered key; batch records carry no timestamp (events keep their own times). */
    private void flush() {
        if (buffered == 0) {
            return;
        }
        for (Map.Entry<String, List<Observation>> e : pending.entrySet()) {
            output.collect(new StreamRecord<>(new ObservationBatch(e.getKey(),
                    e.getValue().toArray(new Observation[0]))));
        }
        pending.clear();
        buffered = 0;
    }
}
