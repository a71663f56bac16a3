package io.driftwatch.alerting.rules;

/** A 1-based line and column in a rules file. */
public record SourcePosition(int line, int column) {

    /** Where errors about the document as a whole are reported. */
    public static final SourcePosition START = new SourcePosition(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
