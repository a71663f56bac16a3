package io.driftwatch.flink.alerting;

/**
 * An observation routed to one rule's evaluation unit (a Flink POJO).
 *
 * @see AlertUnits#key
 */
public class RoutedObservation {

    /** The rule that selects the row. */
    public String rule;
    /** The key of the evaluation unit: the rule, or the rule and the series. */
    public String unit;
    /** Event time at which the row's window is complete: the row's timestamp (the upstream window's timer). */
    public long due;
    public ObservationRecord row;

    /** For Flink's POJO serializer. */
    public RoutedObservation() {
    }

    public RoutedObservation(String rule, String unit, long due, ObservationRecord row) {
        this.rule = rule;
        this.unit = unit;
        this.due = due;
        this.row = row;
    }
}
