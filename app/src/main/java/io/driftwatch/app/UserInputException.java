package io.driftwatch.app;

/** Bad input from the user (a file, a column, a value): printed as one line, never as a stack trace. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
