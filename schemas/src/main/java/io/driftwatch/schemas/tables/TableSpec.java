package io.driftwatch.schemas.tables;

import java.util.List;

/**
 * A table and the columns a row binds, in bind order (every stored column; computed ALIAS and
 * MATERIALIZED columns are left out).
 */
public record TableSpec(String name, List<String> columns) {

    public TableSpec {
        columns = List.copyOf(columns);
        if (name.isBlank() || columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs a name and columns");
        }
    }

    /** {@code INSERT INTO <database>.<name> (c1, ...) VALUES (?, ...)}. */
    public String insertSql(String database) {
        return "INSERT INTO " + database + "." + name + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }
}
