package io.driftwatch.schemas.events;

import java.util.Objects;

/**
 * Why a payload is not a valid event.
 *
 * @param reason stable reason (metric tag, dead-letter reason)
 * @param detail human-readable detail naming the field and the problem; at most {@link #MAX_DETAIL_LENGTH}
 *               characters so that hostile input cannot inflate dead letters
 */
public record ParseFailure(ParseFailureReason reason, String detail) {

    /** Details are clipped to this many characters (a field name is quoted, not the whole payload). */
    public static final int MAX_DETAIL_LENGTH = 512;

    public ParseFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
        }
    }
}
