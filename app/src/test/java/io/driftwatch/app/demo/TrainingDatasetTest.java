package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.app.csv.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingDatasetTest {

    private static final int ROWS = 2_000;

    @ParameterizedTest
    @EnumSource(DemoModel.class)
    void csvAndColumnsHoldTheSameRows(DemoModel model, @TempDir Path dir) {
        Path file = dir.resolve("train.csv");
        TrainingDataset.writeCsv(file, model, ROWS, 3);
        CsvTable table = CsvTable.read(file);
        TrainingColumns columns = TrainingDataset.columns(model, ROWS, 3);
        assertThat(table.header()).containsExactlyElementsOf(TrafficGenerator.featureNames(model));
        assertThat(columns.names()).containsExactlyElementsOf(table.header());
        assertThat(table.rowCount()).isEqualTo(ROWS);
        for (String column : table.header()) {
            assertThat(table.missing(column)).isZero();
            if (columns.numeric().containsKey(column)) {
                assertThat(table.isNumeric(column)).as(column).isTrue();
                assertThat(table.requiredNumbers(column)).as(column).containsExactly(columns.numbers(column));
            } else {
                assertThat(Arrays.asList(table.requiredStrings(column))).as(column).isEqualTo(columns.strings(column));
            }
        }
    }

    @Test
    void fraudHasTwentyOneFeaturesOfBothKindsAndBooleansAreTextual() {
        TrainingColumns columns = TrainingDataset.columns(DemoModel.FRAUD, 100, 1);
        assertThat(columns.names()).hasSize(21);
        assertThat(columns.numeric()).containsKeys("amount", "hour_of_day", "card_age_days", "distance_from_home_km");
        assertThat(columns.categorical()).containsKeys("merchant_category", "country", "device_type", "is_card_present");
        assertThat(columns.strings("is_card_present")).containsOnly("true", "false");
        assertThat(Arrays.stream(columns.numbers("hour_of_day")).allMatch(h -> h >= 0 && h < 24 && h == Math.rint(h))).isTrue();
        assertThat(Arrays.stream(columns.numbers("amount")).allMatch(a -> a > 0)).isTrue();
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        TrainingDataset.writeCsv(a, DemoModel.FRAUD, 100, 5);
        TrainingDataset.writeCsv(b, DemoModel.FRAUD, 100, 5);
        TrainingDataset.writeCsv(c, DemoModel.FRAUD, 100, 6);
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
        assertThat(TrainingDataset.trainingSeed(5)).isNotEqualTo(5);
    }

    @Test
    void badArgumentsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainingDataset.columns(DemoModel.FRAUD, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
        assertThatThrownBy(() -> TrainingDataset.writeCsv(dir.resolve("missing/dir/x.csv"), DemoModel.FRAUD, 1, 1))
                .isInstanceOf(java.io.UncheckedIOException.class);
        TrainingColumns columns = TrainingDataset.columns(DemoModel.CREDIT, 1, 1);
        assertThatThrownBy(() -> columns.numbers("home_ownership")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> columns.strings("annual_income")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGeneratorsTrainingSetIsTheFraudModelsSeededFromItsSeed(@TempDir Path dir) {
        TrafficGenerator generator = new TrafficGenerator(TrafficOptions.defaults(8));
        Path file = dir.resolve("train.csv");
        generator.writeTrainingCsv(file, 300);
        CsvTable table = CsvTable.read(file);
        TrainingColumns columns = generator.trainingColumns(DemoModel.FRAUD, 300);
        assertThat(table.header()).containsExactlyElementsOf(TrafficGenerator.featureNames(DemoModel.FRAUD));
        assertThat(table.requiredNumbers("amount")).containsExactly(columns.numbers("amount"));
        assertThat(columns.numbers("amount"))
                .containsExactly(TrainingDataset.columns(DemoModel.FRAUD, 300, TrainingDataset.trainingSeed(8)).numbers("amount"));
    }
}
