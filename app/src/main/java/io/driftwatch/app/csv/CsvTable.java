package io.driftwatch.app.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.driftwatch.app.UserInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file with a header row, read whole. Cells are kept as text; typed access reports bad values with
 * the file, column and line number. An empty cell is a missing value.
 */
public final class CsvTable {

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    /** File line of each row (the header is line 1; blank lines are skipped, so not always index + 2). */
    private final int[] lines;

    private CsvTable(Path file, List<String> header, List<String[]> rows, int[] lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    public static CsvTable read(Path file) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = Files.newBufferedReader(file);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            if (!it.hasNext()) {
                throw new UserInputException(file + ": empty file, expected a header row");
            }
            List<String> header = Arrays.stream(it.next()).map(String::trim).toList();
            Set<String> unique = new LinkedHashSet<>(header);
            if (unique.size() != header.size() || unique.contains("")) {
                throw new UserInputException(file + ": header has empty or duplicate column names: " + header);
            }
            List<String[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length == 1 && row[0].isEmpty()) {
                    continue; // blank line
                }
                if (row.length != header.size()) {
                    throw new UserInputException(file + ": line " + (rows.size() + 2) + " has " + row.length
                            + " fields, the header has " + header.size());
                }
                rows.add(row);
            }
            int[] lines = new int[rows.size()];
            Arrays.setAll(lines, r -> r + 2);
            return new CsvTable(file, header, rows, lines);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException(file + ": cannot read CSV: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public int rowCount() {
        return rows.size();
    }

    private int index(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new UserInputException(file + ": no column '" + column + "' (columns: " + String.join(", ", header) + ")");
        }
        return i;
    }

    /** Line number in the file of data row {@code row} (the header is line 1). */
    private int line(int row) {
        return lines[row];
    }

    /**
     * The rows grouped by their values in {@code columns} (non-empty after trimming), in order of first
     * appearance; each group keeps the original line numbers for error messages. Rows with an empty cell in
     * any of the columns belong to no group.
     *
     * @return column-to-value map (in {@code columns} order) to the sub-table of its rows
     */
    public Map<Map<String, String>, CsvTable> groupBy(List<String> columns) {
        int[] indexes = columns.stream().mapToInt(this::index).toArray();
        Map<Map<String, String>, List<Integer>> groups = new LinkedHashMap<>();
        nextRow:
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < indexes.length; i++) {
                String cell = rows.get(r)[indexes[i]].trim();
                if (cell.isEmpty()) {
                    continue nextRow;
                }
                key.put(columns.get(i), cell);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Map<Map<String, String>, CsvTable> tables = new LinkedHashMap<>();
        groups.forEach((key, members) -> tables.put(key, new CsvTable(file, header,
                members.stream().map(rows::get).toList(), members.stream().mapToInt(r -> lines[r]).toArray())));
        return tables;
    }

    /** Non-empty text values of a column, in file order. */
    public List<String> strings(String column) {
        int c = index(column);
        List<String> values = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String cell = row[c].trim();
            if (!cell.isEmpty()) {
                values.add(cell);
            }
        }
        return values;
    }

    /** Number of empty cells in a column. */
    public int missing(String column) {
        int c = index(column);
        int n = 0;
        for (String[] row : rows) {
            if (row[c].trim().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Non-empty values of a numeric column. A value that is not a finite number (including NaN and
     * infinities) is an error naming the file, column and line.
     */
    public double[] numbers(String column) {
        int c = index(column);
        double[] values = new double[rows.size()];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[c].trim();
            if (cell.isEmpty()) {
                continue;
            }
            double v = parseFinite(cell);
            if (Double.isNaN(v)) {
                throw new UserInputException(file + ": column '" + header.get(c) + "', line " + line(r)
                        + ": '" + cell + "' is not a finite number");
            }
            values[n++] = v;
        }
        if (n == 0) {
            throw new UserInputException(file + ": column '" + header.get(c) + "' has no values");
        }
        return Arrays.copyOf(values, n);
    }

    /** Every row's value of a numeric column, in file order: an empty or non-finite cell is an error. */
    public double[] requiredNumbers(String column) {
        int c = index(column);
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[c].trim();
            values[r] = parseFinite(cell);
            if (Double.isNaN(values[r])) {
                throw new UserInputException(file + ": column '" + header.get(c) + "', line " + line(r) + ": "
                        + (cell.isEmpty() ? "empty cell" : "'" + cell + "' is not a finite number"));
            }
        }
        requireRows(c);
        return values;
    }

    /** Every row's text in a column, in file order: an empty cell is an error. */
    public String[] requiredStrings(String column) {
        int c = index(column);
        String[] values = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = rows.get(r)[c].trim();
            if (values[r].isEmpty()) {
                throw new UserInputException(file + ": column '" + header.get(c) + "', line " + line(r) + ": empty cell");
            }
        }
        requireRows(c);
        return values;
    }

    private void requireRows(int c) {
        if (rows.isEmpty()) {
            throw new UserInputException(file + ": column '" + header.get(c) + "' has no values");
        }
    }

    /** Describes where data row {@code row} of a column is, for error messages. */
    public String where(String column, int row) {
        return file + ": column '" + column + "', line " + line(row);
    }

    /**
     * True when every non-empty cell of the column is a number and at least one is finite. NaN and infinity
     * literals count as numbers here, so that {@link #numbers} reports them with their line instead of the
     * column silently becoming categorical.
     */
    public boolean isNumeric(String column) {
        List<String> values = strings(column);
        return values.stream().anyMatch(v -> !Double.isNaN(parseFinite(v)))
                && values.stream().allMatch(v -> !Double.isNaN(parseFinite(v)) || isNonFiniteLiteral(v));
    }

    private static boolean isNonFiniteLiteral(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /** The value, or NaN when the text is not a finite number. */
    private static double parseFinite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
