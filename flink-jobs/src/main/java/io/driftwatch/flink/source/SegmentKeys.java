package io.driftwatch.flink.source;

import io.driftwatch.schemas.tables.WindowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Canonical segment strings and window keys.
 *
 * <p>A segment is the event's {@code segment} map restricted to the model's configured keys (all keys when
 * none are configured), sorted by key and written {@code k=v} joined by {@code ,}; an empty result is
 * {@value #ALL}. The window key joins model, version and segment with {@value #SEPARATOR} (ASCII unit
 * separator), which identifiers do not contain, so it splits back unambiguously.
 */
public final class SegmentKeys {

    /** Segment of events without segment values: all of the model's traffic. */
    public static final String ALL = WindowKey.ALL_TRAFFIC;
    public static final char SEPARATOR = '\u001F';
    private static final int KEY_PARTS = 3;

    private SegmentKeys() {}

    /** The canonical segment of {@code segment}, keeping only {@code keys} unless {@code keys} is empty. */
    public static String canonical(Map<String, String> segment, List<String> keys) {
        TreeMap<String, String> sorted = new TreeMap<>();
        segment.forEach((k, v) -> {
            if (keys.isEmpty() || keys.contains(k)) {
                sorted.put(k, v);
            }
        });
        if (sorted.isEmpty()) {
            return ALL;
        }
        StringJoiner joined = new StringJoiner(",");
        sorted.forEach((k, v) -> joined.add(k + "=" + v));
        return joined.toString();
    }

    /**
     * The entries {@link #canonical} keeps, as alternating keys and values ({@code k0, v0, k1, v1, ...}) sorted
     * by key; empty for {@value #ALL}.
     */
    public static String[] entries(Map<String, String> segment, List<String> keys) {
        List<String> flat = new ArrayList<>();
        new TreeMap<>(segment).forEach((k, v) -> {
            if (keys.isEmpty() || keys.contains(k)) {
                flat.add(k);
                flat.add(v);
            }
        });
        return flat.toArray(new String[0]);
    }

    public static String windowKey(String modelId, String modelVersion, String segment) {
        return modelId + SEPARATOR + modelVersion + SEPARATOR + segment;
    }

    /** Model and version of a window key: the scope of a baseline. */
    public static String baselineKey(String modelId, String modelVersion) {
        return modelId + SEPARATOR + modelVersion;
    }

    /** {@code [model, version, segment]} of a window key; fails clearly on anything else. */
    public static String[] split(String windowKey) {
        String[] parts = windowKey.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != KEY_PARTS) {
            throw new IllegalArgumentException("not a window key (model, version, segment): '" + windowKey + "'");
        }
        return parts;
    }
}
