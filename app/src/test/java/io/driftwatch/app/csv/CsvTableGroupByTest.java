package io.driftwatch.app.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableGroupByTest {

    @TempDir
    Path dir;

    private CsvTable table(String text) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        return CsvTable.read(file);
    }

    @Test
    void groupsByValueCombinationInOrderOfFirstAppearanceSkippingEmptyCells() throws IOException {
        CsvTable t = table("country,channel,amount\nDE,web,1\nFR,web,2\nDE,app,3\nDE,web,4\n,web,5\nFR, ,6\n");
        Map<Map<String, String>, CsvTable> byCountry = t.groupBy(List.of("country"));
        assertThat(List.copyOf(byCountry.keySet())).containsExactly(Map.of("country", "DE"), Map.of("country", "FR"));
        assertThat(byCountry.get(Map.of("country", "DE")).numbers("amount")).containsExactly(1, 3, 4);
        assertThat(byCountry.get(Map.of("country", "FR")).numbers("amount")).containsExactly(2, 6);

        Map<Map<String, String>, CsvTable> byBoth = t.groupBy(List.of("country", "channel"));
        assertThat(byBoth).hasSize(3);
        assertThat(byBoth.get(Map.of("country", "DE", "channel", "web")).rowCount()).isEqualTo(2);
        assertThat(byBoth.values().stream().mapToInt(CsvTable::rowCount).sum()).as("rows with an empty cell skipped")
                .isEqualTo(4);
    }

    @Test
    void aGroupReportsBadValuesWithTheirLineInTheFile() throws IOException {
        CsvTable t = table("country,amount\nDE,1\nFR,2\nFR,oops\n");
        CsvTable fr = t.groupBy(List.of("country")).get(Map.of("country", "FR"));
        assertThatThrownBy(() -> fr.requiredNumbers("amount")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 4");
        assertThatThrownBy(() -> t.groupBy(List.of("region"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("region");
    }
}
