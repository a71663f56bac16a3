package io.driftwatch.flink.sink;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one element to the parameters of an {@code INSERT ... VALUES (?, ...)} statement, in column order. */
@FunctionalInterface
public interface RowBinder<T> extends Serializable {
    void bind(T element, PreparedStatement statement) throws SQLException;
}
