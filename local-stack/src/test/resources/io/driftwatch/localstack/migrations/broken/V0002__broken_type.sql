CREATE TABLE IF NOT EXISTS ${database}.fine_first (x UInt8) ENGINE = MergeTree ORDER BY x;
/* the second statement uses a type ClickHouse does not have */
CREATE TABLE IF NOT EXISTS ${database}.broken
(
    x NoSuchType
) ENGINE = MergeTree ORDER BY tuple();
