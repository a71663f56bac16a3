package io.driftwatch.flink.baseline;

/** ClickHouse refused or failed a baseline read or write; the message names the operation and the model. */
public final class BaselineStoreException extends RuntimeException {
    public BaselineStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
