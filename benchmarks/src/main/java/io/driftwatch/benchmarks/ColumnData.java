package io.driftwatch.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the raw files of {@code scipy_drift_baseline.py}: little-endian float64, column-major (column
 * {@code c} occupies values {@code [c * rows, (c + 1) * rows)}).
 */
final class ColumnData {

    private ColumnData() {}

    /** The file's columns, {@code cols} arrays of {@code rows} values. */
    static double[][] read(Path file, int rows, int cols) throws IOException {
        long expectedBytes = (long) rows * cols * Double.BYTES;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != expectedBytes) {
                throw new IllegalArgumentException(file + " has " + channel.size() + " bytes, expected " + expectedBytes
                        + " for " + rows + " rows x " + cols + " columns of float64");
            }
            double[][] columns = new double[cols][rows];
            ByteBuffer buffer = ByteBuffer.allocateDirect(rows * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < cols; c++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new IllegalArgumentException(file + " ended early in column " + c);
                    }
                }
                buffer.flip();
                DoubleBuffer doubles = buffer.asDoubleBuffer();
                doubles.get(columns[c]);
            }
            return columns;
        }
    }
}
