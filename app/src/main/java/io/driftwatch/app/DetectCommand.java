package io.driftwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.detectors.change.ChangeDetector;
import io.driftwatch.detectors.change.ChangeDetectors;
import io.driftwatch.detectors.change.DetectorId;
import io.driftwatch.detectors.change.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a streaming change detector over one CSV column and reports where it signalled. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run a change detector (ADWIN, DDM, EDDM, HDDM_A, HDDM_W, Page-Hinkley, CUSUM) over a CSV column.")
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--detector", required = true, paramLabel = "ID",
            description = "adwin, ddm, eddm, hddm_a, hddm_w, page_hinkley or cusum (MOA's default parameters).")
    String detector;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV with a header row.")
    Path input;

    @Option(names = "--column", paramLabel = "C", description = "Column to read (default: the only column).")
    String column;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        DetectorId id = parseDetector();
        CsvTable table = CsvTable.read(input);
        String name = column != null ? column : onlyColumn(table);
        double[] values = table.requiredNumbers(name);
        ChangeDetector changeDetector = ChangeDetectors.create(id);
        List<Integer> changes = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Signal signal;
            try {
                signal = changeDetector.update(values[i]);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(table.where(name, i) + ": " + e.getMessage(), e);
            }
            if (signal == Signal.CHANGE) {
                changes.add(i);
            } else if (signal == Signal.WARNING) {
                warnings.add(i);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("detector", id.wireId());
        result.put("params", paramsAsMap(changeDetector));
        result.put("column", name);
        result.put("n", values.length);
        result.put("changes", changes);
        result.put("warnings", warnings);
        System.out.println(format.render(result));
        return 0;
    }

    private DetectorId parseDetector() {
        try {
            return DetectorId.fromWireId(detector);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private String onlyColumn(CsvTable table) {
        if (table.header().size() != 1) {
            throw new UserInputException(input + ": has columns " + table.header() + "; choose one with --column");
        }
        return table.header().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paramsAsMap(ChangeDetector changeDetector) {
        Map<String, Object> params = new ObjectMapper().convertValue(changeDetector.params(), Map.class);
        params.remove("id");
        return params;
    }
}
