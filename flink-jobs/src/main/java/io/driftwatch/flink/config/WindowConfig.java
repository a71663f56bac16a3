package io.driftwatch.flink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Event-time windowing.
 *
 * @param size            tumbling window length
 * @param allowedLateness how long after a window closes late events still update it
 * @param outOfOrderness  bounded out-of-orderness of the watermark
 * @param idleness        a partition without events for this long stops holding the watermark back; zero disables
 * @param bundleEvents    events grouped per window key before the keyBy shuffle (1: every event shipped alone)
 */
public record WindowConfig(Duration size, Duration allowedLateness, Duration outOfOrderness, Duration idleness,
                           int bundleEvents) implements Serializable {

    /** Windows shorter than a second carry too few events for any test to have power. */
    private static final Duration MIN_SIZE = Duration.ofSeconds(1);

    public static final ConfigOption<Duration> SIZE = ConfigOption.withDefault("windows.size",
            ValueTypes.duration(MIN_SIZE), Duration.ofMinutes(5), "Tumbling event-time window length.");
    public static final ConfigOption<Duration> ALLOWED_LATENESS = ConfigOption.withDefault("windows.allowed_lateness",
            ValueTypes.duration(Duration.ZERO), Duration.ofMinutes(1),
            "How long after a window closes late events still update its results.");
    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = ConfigOption.withDefault("windows.out_of_orderness",
            ValueTypes.duration(Duration.ZERO), Duration.ofSeconds(30),
            "Watermark delay: the most events may arrive out of event-time order.");
    public static final ConfigOption<Duration> IDLENESS = ConfigOption.withDefault("windows.idleness",
            ValueTypes.duration(Duration.ZERO), Duration.ofMinutes(1),
            "A Kafka partition silent this long no longer holds back the watermark; `0s` disables.");

    /** Caps the bundle's memory: about 1 KB per buffered 20-feature event, so at most ~100 MB per subtask. */
    private static final int MAX_BUNDLE_EVENTS = 100_000;
    public static final ConfigOption<Integer> BUNDLE_EVENTS = ConfigOption.withDefault("windows.bundle_events",
            ValueTypes.integer(1, MAX_BUNDLE_EVENTS), 1_000,
            "Events grouped per window key before the keyBy shuffle and shipped as one record (flushed before "
                    + "every watermark and checkpoint, so results are unchanged); `1` ships every event alone.");

    static final List<ConfigOption<?>> OPTIONS = List.of(SIZE, ALLOWED_LATENESS, OUT_OF_ORDERNESS, IDLENESS,
            BUNDLE_EVENTS);

    public WindowConfig {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(outOfOrderness, "outOfOrderness");
        Objects.requireNonNull(idleness, "idleness");
        if (bundleEvents < 1) {
            throw new IllegalArgumentException("bundleEvents must be >= 1, got " + bundleEvents);
        }
    }

    /** With the default {@link #BUNDLE_EVENTS}. */
    public WindowConfig(Duration size, Duration allowedLateness, Duration outOfOrderness, Duration idleness) {
        this(size, allowedLateness, outOfOrderness, idleness, BUNDLE_EVENTS.defaultValue());
    }

    static WindowConfig read(ConfigNode windows) {
        int errorsBefore = windows.errorCount();
        Duration size = windows.get(SIZE);
        Duration lateness = windows.get(ALLOWED_LATENESS);
        Duration outOfOrderness = windows.get(OUT_OF_ORDERNESS);
        Duration idleness = windows.get(IDLENESS);
        Integer bundleEvents = windows.get(BUNDLE_EVENTS);
        if (size != null && outOfOrderness != null && outOfOrderness.compareTo(size) >= 0) {
            windows.error("out_of_orderness (" + Durations.format(outOfOrderness) + ") must be shorter than size ("
                    + Durations.format(size) + "), or every window closes before its events arrive");
        }
        return windows.errorCount() > errorsBefore ? null : new WindowConfig(size, lateness, outOfOrderness, idleness,
                bundleEvents);
    }
}
