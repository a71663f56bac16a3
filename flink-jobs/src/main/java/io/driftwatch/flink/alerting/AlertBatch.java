package io.driftwatch.flink.alerting;

import java.util.List;

/** The alert events one delivery writer received between two checkpoints: one committable. */
public record AlertBatch(List<AlertRecord> records) {

    public AlertBatch {
        records = List.copyOf(records);
    }
}
