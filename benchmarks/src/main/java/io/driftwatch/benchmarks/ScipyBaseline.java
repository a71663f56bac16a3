package io.driftwatch.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The JSON printed by {@code scipy_drift_baseline.py}: shape, seconds spent on statistics, and the values. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScipyBaseline(int rows, int cols, double seconds, List<Column> columns) {

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
