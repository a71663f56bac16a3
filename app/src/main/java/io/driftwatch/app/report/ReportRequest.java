package io.driftwatch.app.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report covers: one model, optionally one version (else all its versions), one segment
 * ({@code ""} = all traffic) and the windows starting in {@code [from, to)}.
 */
public record ReportRequest(String modelId, Optional<String> version, String segment, Instant from, Instant to) {

    /** @throws IllegalArgumentException on a blank model or version, or from not before to */
    public ReportRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("--model must not be blank");
        }
        if (version.isPresent() && version.get().isBlank()) {
            throw new IllegalArgumentException("--version must not be blank when given");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
    }
}
