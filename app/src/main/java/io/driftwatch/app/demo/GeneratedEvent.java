package io.driftwatch.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One event ready to send.
 *
 * @param kind            prediction or label (which topic)
 * @param model           the model it belongs to
 * @param predictionId    prediction id, also a good Kafka key
 * @param eventTimeMillis the event's own timestamp (simulated, epoch ms)
 * @param payload         JSON bytes (broken when {@link #malformation()} is present)
 * @param marks           facts for tests and self-checks
 * @param malformation    how the payload was broken, if it was
 */
public record GeneratedEvent(EventKind kind, DemoModel model, String predictionId, long eventTimeMillis,
                             byte[] payload, Set<EventMark> marks, Optional<Malformation> malformation) {

    public GeneratedEvent {
        payload = payload.clone();
        marks = marks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(marks));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean has(EventMark mark) {
        return marks.contains(mark);
    }

    /** Kafka key bytes: the prediction id in UTF-8, so a prediction and its labels share a partition. */
    public byte[] key() {
        return predictionId.getBytes(StandardCharsets.UTF_8);
    }

    /** The payload as text (for logs and tests). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    GeneratedEvent withMarks(Set<EventMark> extra) {
        EnumSet<EventMark> all = marks.isEmpty() ? EnumSet.noneOf(EventMark.class) : EnumSet.copyOf(marks);
        all.addAll(extra);
        return new GeneratedEvent(kind, model, predictionId, eventTimeMillis, payload, all, malformation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedEvent other && kind == other.kind && model == other.model
                && predictionId.equals(other.predictionId) && eventTimeMillis == other.eventTimeMillis
                && Arrays.equals(payload, other.payload) && marks.equals(other.marks)
                && malformation.equals(other.malformation);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * predictionId.hashCode() + Arrays.hashCode(payload)) + marks.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + predictionId + " @" + eventTimeMillis + " " + marks + " " + payloadText();
    }
}
