package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * Replays give identical rows: the same outcomes in a different arrival order (shuffled between watermarks, as
 * parallel partitions interleave them) produce the same performance rows (all revisions, bit for bit) and the same
 * change points.
 */
class ArrivalOrderTest {

    private static final long MINUTE = 60_000L;
    private static final int LABELS = 400;
    private static final LabelConfig CONFIG = new LabelConfig(new LabelSpec(ModelTask.BINARY, Duration.ofDays(2), 0.5,
            0.5, Duration.ofHours(1), Duration.ofMinutes(1), List.of()), Map.of());

    /** Predictions in the first minute, labels over 10 minutes; the error rate jumps at minute 6. */
    private static List<Outcome> outcomes() {
        Random random = new Random(5);
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < LABELS; i++) {
            Outcome p = new Outcome();
            p.kind = Outcome.PREDICTION;
            p.modelId = "fraud";
            p.modelVersion = "v1";
            p.segment = "";
            p.predictionId = "p" + i;
            p.predictionTimeMillis = i * 100L;
            p.labelTimeMillis = p.predictionTimeMillis;
            p.orderTime = p.predictionTimeMillis;
            p.output = random.nextDouble();
            p.labelNumeric = Double.NaN;
            p.labelClass = -1;
            all.add(p);
            Outcome l = new Outcome();
            l.kind = Outcome.LABEL;
            l.modelId = p.modelId;
            l.modelVersion = p.modelVersion;
            l.segment = p.segment;
            l.predictionId = p.predictionId;
            l.predictionTimeMillis = p.predictionTimeMillis;
            l.labelTimeMillis = MINUTE + (long) (random.nextDouble() * 9 * MINUTE);
            l.orderTime = l.labelTimeMillis;
            l.output = p.output;
            boolean wrong = l.labelTimeMillis > 6 * MINUTE || random.nextDouble() < 0.1;
            l.labelNumeric = (p.output >= 0.5) != wrong ? 1 : 0;
            l.labelClass = -1;
            all.add(l);
        }
        all.sort(Outcome.ORDER);
        return all;
    }

    /** Feeds the outcomes minute by minute, each minute's outcomes shuffled with {@code seed} (or in order). */
    private static <T> List<T> run(KeyedProcessFunction<String, Outcome, T> function,
                                   org.apache.flink.api.java.functions.KeySelector<Outcome, String> key, Long seed)
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Outcome, T> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, key, Types.STRING)) {
            List<Outcome> all = outcomes();
            for (long minute = 0; minute <= 10; minute++) {
                List<Outcome> batch = new ArrayList<>();
                for (Outcome o : all) {
                    if (o.orderTime >= minute * MINUTE && o.orderTime < (minute + 1) * MINUTE) {
                        batch.add(o);
                    }
                }
                if (seed != null) {
                    Collections.shuffle(batch, new Random(seed + minute));
                }
                for (Outcome o : batch) {
                    harness.processElement(o, o.orderTime);
                }
                harness.processWatermark(new Watermark((minute + 1) * MINUTE - 1));
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            return harness.extractOutputValues();
        }
    }

    @Test
    void performanceRowsDoNotDependOnArrivalOrder() throws Exception {
        List<PerformanceRow> inOrder = run(new WindowPerformance(CONFIG, MINUTE), Outcome::windowKey, null);
        assertThat(inOrder).hasSizeGreaterThan(5);
        assertThat(inOrder.get(inOrder.size() - 1).counts().labelled()).isEqualTo(LABELS);
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(run(new WindowPerformance(CONFIG, MINUTE), Outcome::windowKey, seed)).isEqualTo(inOrder);
        }
    }

    @Test
    void changePointsDoNotDependOnArrivalOrder() throws Exception {
        List<ChangePointRow> inOrder = run(new ErrorChangeDetection(CONFIG), Outcome::streamKey, null);
        assertThat(inOrder).isNotEmpty();
        assertThat(inOrder.get(0).detectedAt().toEpochMilli()).isGreaterThan(6 * MINUTE);
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(run(new ErrorChangeDetection(CONFIG), Outcome::streamKey, seed)).isEqualTo(inOrder);
        }
    }
}
