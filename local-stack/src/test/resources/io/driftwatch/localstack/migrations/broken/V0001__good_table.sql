-- applies fine and must be recorded
CREATE TABLE IF NOT EXISTS ${database}.good_table (x UInt8) ENGINE = MergeTree ORDER BY x;
