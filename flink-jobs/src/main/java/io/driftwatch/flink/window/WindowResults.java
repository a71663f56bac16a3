package io.driftwatch.flink.window;

import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.VolumeRow;
import java.util.List;

/**
 * All rows of one closed window.
 *
 * @param hadReference whether any drift row could be computed (false counts as a window without baseline)
 */
public record WindowResults(VolumeRow volume, LatencyRow latency, List<DataQualityRow> quality,
                            List<FeatureDriftRow> drift, boolean hadReference) {}
