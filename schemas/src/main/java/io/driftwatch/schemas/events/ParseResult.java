package io.driftwatch.schemas.events;

import java.util.Objects;

/**
 * Either a parsed event or a {@link ParseFailure}; exactly one of them is present.
 *
 * @param <T> the event type
 */
public final class ParseResult<T> {

    private final T event;
    private final ParseFailure failure;

    private ParseResult(T event, ParseFailure failure) {
        this.event = event;
        this.failure = failure;
    }

    public static <T> ParseResult<T> ok(T event) {
        return new ParseResult<>(Objects.requireNonNull(event, "event"), null);
    }

    public static <T> ParseResult<T> failed(ParseFailure failure) {
        return new ParseResult<>(null, Objects.requireNonNull(failure, "failure"));
    }

    public static <T> ParseResult<T> failed(ParseFailureReason reason, String detail) {
        return failed(new ParseFailure(reason, detail));
    }

    public boolean isOk() {
        return event != null;
    }

    /** The event; throws {@link IllegalStateException} (with the failure) if parsing failed. */
    public T event() {
        if (event == null) {
            throw new IllegalStateException("no event: " + failure);
        }
        return event;
    }

    /** The failure; throws {@link IllegalStateException} if parsing succeeded. */
    public ParseFailure failure() {
        if (failure == null) {
            throw new IllegalStateException("parsing succeeded; there is no failure");
        }
        return failure;
    }

    @Override
    public String toString() {
        return isOk() ? "ParseResult[ok " + event + "]" : "ParseResult[" + failure + "]";
    }
}
