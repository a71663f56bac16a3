package io.driftwatch.schemas.migrate;

/** A migration could not be applied, or an applied one was changed afterwards. */
public final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;

    public MigrationException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    /** The migration file concerned. */
    public String fileName() {
        return fileName;
    }
}
