package io.driftwatch.flink.source;

/**
 * What the prediction source emits per Kafka record: exactly one of a valid {@link Observation} or a
 * {@link DeadLetterRecord}. A Flink POJO (null fields are allowed).
 */
public class SourceEvent {
    public Observation observation;
    public DeadLetterRecord deadLetter;

    public SourceEvent() {}

    public static SourceEvent valid(Observation observation) {
        SourceEvent e = new SourceEvent();
        e.observation = observation;
        return e;
    }

    public static SourceEvent rejected(DeadLetterRecord deadLetter) {
        SourceEvent e = new SourceEvent();
        e.deadLetter = deadLetter;
        return e;
    }

    public boolean isValid() {
        return observation != null;
    }
}
