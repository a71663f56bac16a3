package io.driftwatch.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON printed by {@code scipy_drift_baseline.py}: shape, wall-clock and process CPU seconds spent on the
 * statistics (fastest runs; CPU seconds 0 if an older script did not report them), and the values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScipyBaseline(int rows, int cols, double seconds, @JsonProperty("cpu_seconds") double cpuSeconds,
                     List<Column> columns) {

    ScipyBaseline {
        if (columns == null || columns.size() != cols) {
            throw new IllegalArgumentException("scipy baseline lists " + (columns == null ? 0 : columns.size())
                    + " columns for cols=" + cols);
        }
        columns = List.copyOf(columns);
    }

    /** One column's values as scipy/numpy computed them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(@JsonProperty("ks_statistic") double ksStatistic, @JsonProperty("ks_pvalue") double ksPValue,
                  @JsonProperty("psi") double psi, @JsonProperty("jensenshannon") double jensenShannon,
                  @JsonProperty("wasserstein") double wasserstein) {

        ColumnStatistics asStatistics() {
            return new ColumnStatistics(ksStatistic, ksPValue, ksPValue < ColumnStatistics.KS_ALPHA, psi, jensenShannon,
                    wasserstein, 0.0, 0.0);
        }
    }

    static ScipyBaseline read(Path json) throws IOException {
        return new ObjectMapper().readValue(json.toFile(), ScipyBaseline.class);
    }
}
