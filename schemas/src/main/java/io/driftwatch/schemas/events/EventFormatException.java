package io.driftwatch.schemas.events;

/** Aborts parsing with a reason; caught by {@link EventParser}, never escapes it. */
final class EventFormatException extends RuntimeException {

    private final ParseFailureReason reason;

    EventFormatException(ParseFailureReason reason, String detail) {
        // No stack trace: bad input is expected traffic and this runs on the hot path.
        super(detail, null, false, false);
        this.reason = reason;
    }

    ParseFailureReason reason() {
        return reason;
    }
}
