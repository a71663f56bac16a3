package io.driftwatch.schemas.tables;

import java.util.Locale;

/** A Java enum stored in a ClickHouse {@code Enum8} column whose values are the lower-case constant names. */
public interface SqlEnum {

    String name();

    /** The ClickHouse enum value, e.g. {@code numeric}. */
    default String sqlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
