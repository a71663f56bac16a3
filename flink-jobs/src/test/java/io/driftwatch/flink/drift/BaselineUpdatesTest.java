package io.driftwatch.flink.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class BaselineUpdatesTest {

    @Test
    void updateStreamWatermarkIsAlwaysMaxSoItNeverHoldsWindowsBack() {
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput output = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                emitted.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {
                emitted.add(null);
            }

            @Override
            public void markActive() {
                emitted.add(null);
            }
        };
        WatermarkGenerator<BaselineUpdate> generator =
                BaselineUpdates.neverHoldingBackWindows().createWatermarkGenerator(null);
        generator.onPeriodicEmit(output);
        generator.onEvent(new BaselineUpdate(), 0, output);
        assertThat(emitted).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    }
}
