package io.driftwatch.flink.config;

import io.driftwatch.schemas.tables.ModelTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one model's delayed labels are joined and scored.
 *
 * @param task             what the model predicts; decides which metrics apply and which labels fit
 * @param horizon          how long (event time) after a prediction its label may still come; also the join
 *                         state's time to live
 * @param threshold        decision threshold of a binary model (predict 1 when score &gt;= threshold)
 * @param minCoverage      below this label coverage a window's row is flagged {@code estimated}
 * @param pendingLabelWait how long (event time) a label that came before its prediction waits for it
 * @param emitInterval     a window's metrics are re-emitted at most once per this much event time
 * @param classes          class names of a multiclass model, in index order (empty otherwise)
 */
public record LabelSpec(ModelTask task, Duration horizon, double threshold, double minCoverage,
                        Duration pendingLabelWait, Duration emitInterval, List<String> classes) implements Serializable {

    public LabelSpec {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(pendingLabelWait, "pendingLabelWait");
        Objects.requireNonNull(emitInterval, "emitInterval");
        classes = List.copyOf(classes);
        if (horizon.isZero() || horizon.isNegative() || emitInterval.isZero() || emitInterval.isNegative()) {
            throw new IllegalArgumentException("horizon and emit interval must be positive");
        }
        if (!(threshold >= 0 && threshold <= 1) || !(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("threshold and min coverage must be in [0, 1]");
        }
        if (task == ModelTask.MULTICLASS && classes.size() < 2) {
            throw new IllegalArgumentException("a multiclass model needs at least two classes, got " + classes);
        }
    }

    /** Index of a class name, or -1 when the model does not know it. */
    public int classIndex(String name) {
        return classes.indexOf(name);
    }
}
