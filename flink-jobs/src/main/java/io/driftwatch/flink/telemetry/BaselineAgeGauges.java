package io.driftwatch.flink.telemetry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The {@value PipelineMetrics#BASELINE_AGE_SECONDS} gauges of one operator instance: per stored baseline in use
 * (tags {@value PipelineMetrics#MODEL_TAG}, {@value PipelineMetrics#VERSION_TAG} and
 * {@value PipelineMetrics#SEGMENT_TAG}, the latter {@value #VERSION_WIDE} for a model-version-wide baseline),
 * seconds since the baseline was made. A gauge is registered the first time its baseline is used and then
 * follows the latest baseline of that scope; it keeps reporting after the baseline was removed (Flink cannot
 * unregister an operator's metric), so an alert on it fires for stale baselines, never for missing ones.
 *
 * <p>Gauges are read by the reporter thread, hence the concurrent map.
 */
public final class BaselineAgeGauges {

    /** Segment tag of a model-version-wide baseline; canonical segments always hold a {@code =}, so no clash. */
    public static final String VERSION_WIDE = "*";
    private static final double MILLIS_PER_SECOND = 1_000.0;
    private static final char SEPARATOR = '\u001F';

    private final MetricGroup group;
    private final LongSupplier nowMillis;
    private final Map<String, Long> createdAtByScope = new ConcurrentHashMap<>();

    /**
     * @param group     the operator's {@value PipelineMetrics#GROUP} group
     * @param nowMillis wall clock, epoch millis (tests pass a fixed one)
     */
    public BaselineAgeGauges(MetricGroup group, LongSupplier nowMillis) {
        this.group = Objects.requireNonNull(group, "group");
        this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
    }

    /**
     * Records that the baseline of {@code segment} ({@code ""}: the whole version) made at
     * {@code createdAtMillis} is in use; a {@code null} time (unknown) records nothing.
     */
    public void inUse(String modelId, String modelVersion, String segment, Long createdAtMillis) {
        if (createdAtMillis == null) {
            return;
        }
        String segmentTag = segment.isEmpty() ? VERSION_WIDE : segment;
        String scope = modelId + SEPARATOR + modelVersion + SEPARATOR + segmentTag;
        if (createdAtByScope.put(scope, createdAtMillis) == null) {
            group.addGroup(PipelineMetrics.MODEL_TAG, modelId).addGroup(PipelineMetrics.VERSION_TAG, modelVersion)
                    .addGroup(PipelineMetrics.SEGMENT_TAG, segmentTag)
                    .gauge(PipelineMetrics.BASELINE_AGE_SECONDS, (Gauge<Double>) () -> ageSeconds(scope));
        }
    }

    /** Seconds since the scope's baseline was made (negative if its clock ran ahead of ours). */
    double ageSeconds(String scope) {
        Long createdAt = createdAtByScope.get(scope);
        return createdAt == null ? Double.NaN : (nowMillis.getAsLong() - createdAt) / MILLIS_PER_SECOND;
    }
}
