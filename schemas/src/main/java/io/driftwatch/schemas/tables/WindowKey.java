package io.driftwatch.schemas.tables;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The identity shared by every windowed result row: model, version, segment ({@link #ALL_TRAFFIC} for the
 * unsegmented stream) and the window {@code [start, end)}, at millisecond precision as stored.
 */
public record WindowKey(String modelId, String modelVersion, String segment, Instant start, Instant end) {

    /** The segment value of rows about all of a model version's traffic. */
    public static final String ALL_TRAFFIC = "";
    /** Column names of the identity, in bind order. */
    static final List<String> COLUMNS = List.of("model_id", "model_version", "segment", "window_start", "window_end");

    /** @throws IllegalArgumentException on a blank model or version, or an end not after the start */
    public WindowKey {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (modelId == null || modelId.isBlank() || modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("model id and version must not be blank");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }
}
