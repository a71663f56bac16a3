package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Binds values to consecutive parameters of a prepared statement, starting at 1. */
final class Bindings {

    /** ClickHouse's text form of {@code DateTime64(3)}, read in the column's zone (UTC for every table). */
    private static final DateTimeFormatter DATE_TIME_64_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PreparedStatement statement;
    private int index = 1;

    Bindings(PreparedStatement statement) {
        this.statement = statement;
    }

    Bindings text(String value) throws SQLException {
        statement.setString(index++, Objects.requireNonNull(value));
        return this;
    }

    Bindings sqlEnum(SqlEnum value) throws SQLException {
        return text(value.sqlValue());
    }

    Bindings time(Instant value) throws SQLException {
        return text(DATE_TIME_64_MILLIS.format(value));
    }

    Bindings integer(long value) throws SQLException {
        statement.setLong(index++, value);
        return this;
    }

    Bindings bool(boolean value) throws SQLException {
        statement.setBoolean(index++, value);
        return this;
    }

    Bindings real(double value) throws SQLException {
        statement.setDouble(index++, value);
        return this;
    }

    /** NaN becomes NULL (a nullable column's "no value"). */
    Bindings nullableReal(double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index++, Types.DOUBLE);
            return this;
        }
        return real(value);
    }

    Bindings object(Object value) throws SQLException {
        statement.setObject(index++, value);
        return this;
    }

    Bindings bytes(byte[] value) throws SQLException {
        statement.setBytes(index++, value);
        return this;
    }

    /** Binds the window identity columns: model, version, segment, start, end. */
    Bindings window(WindowKey window) throws SQLException {
        return text(window.modelId()).text(window.modelVersion()).text(window.segment()).time(window.start())
                .time(window.end());
    }
}
