package io.driftwatch.flink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.schemas.tables.ModelTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code labels} section: defaults, inheritance from {@code default}, and errors with their key paths. */
class LabelConfigTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void withoutASectionEveryModelGetsTheBuiltInOptions() {
        LabelSpec spec = loader.parse(ConfigLoaderTest.MINIMAL, "t").labels().forModel("any");
        assertThat(spec).isEqualTo(new LabelSpec(ModelTask.BINARY, Duration.ofDays(30), 0.5, 0.5, Duration.ofHours(1),
                Duration.ofMinutes(1), List.of()));
    }

    @Test
    void modelEntriesInheritFromDefault() {
        LabelConfig labels = loader.parse(ConfigLoaderTest.MINIMAL + """
                labels:
                  default:
                    horizon: 7d
                    threshold: 0.3
                  species:
                    task: multiclass
                    classes: [a, b, c]
                    min_coverage: 0.2
                """, "t").labels();
        assertThat(labels.forModel("fraud").horizon()).isEqualTo(Duration.ofDays(7));
        LabelSpec species = labels.forModel("species");
        assertThat(species.task()).isEqualTo(ModelTask.MULTICLASS);
        assertThat(species.threshold()).isEqualTo(0.3);
        assertThat(species.minCoverage()).isEqualTo(0.2);
        assertThat(species.classIndex("c")).isEqualTo(2);
        assertThat(species.classIndex("z")).isEqualTo(-1);
    }

    @Test
    void badValuesAreReportedWithTheirPaths() {
        assertThatThrownBy(() -> loader.parse(ConfigLoaderTest.MINIMAL + """
                labels:
                  fraud:
                    threshold: 1.5
                  species:
                    task: multiclass
                  price:
                    horizon: 400d
                """, "t")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("labels.fraud.threshold: must be between 0.0 and 1.0, got 1.5")
                .hasMessageContaining("multiclass needs classes")
                .hasMessageContaining("exceeds 365d");
        assertThatThrownBy(() -> new LabelSpec(ModelTask.MULTICLASS, Duration.ofDays(1), 0.5, 0.5, Duration.ZERO,
                Duration.ofMinutes(1), List.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two classes");
    }
}
