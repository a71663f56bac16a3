package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN's adaptive window as an exponential histogram (Bifet and Gavaldà 2007, "ADWIN2"): row i
 * holds up to {@link #MAX_BUCKETS_PER_ROW} buckets each summarising 2^i consecutive values (sum and
 * within-bucket variance). When a row overflows, its two oldest buckets merge into one bucket of
 * the next row, so the number of buckets is O(M log(W/M)) for a window of W values.
 */
final class AdwinWindow {

    /** Buckets per row before two are merged: M = 5, as in MOA's ADWIN. */
    static final int MAX_BUCKETS_PER_ROW = 5;
    /** Both sub-windows must be longer than this plus one before a cut is tested (MOA's ADWIN: 5). */
    static final int MIN_SUB_WINDOW_LENGTH = 5;
    /** Cuts are only searched while the window holds more than this many values (MOA's ADWIN: 10). */
    static final int MIN_WINDOW_LENGTH_FOR_CHECK = 10;
    /** Cuts are searched every this many inputs (MOA's ADWIN clock: 32). */
    static final int CHECK_PERIOD = 32;

    /** One row of buckets of equal size; index 0 is the oldest bucket of the row. */
    private static final class Row {
        final double[] totals = new double[MAX_BUCKETS_PER_ROW + 1];
        final double[] variances = new double[MAX_BUCKETS_PER_ROW + 1];
        int size;

        void append(double total, double variance) {
            totals[size] = total;
            variances[size] = variance;
            size++;
        }

        void dropOldest(int count) {
            System.arraycopy(totals, count, totals, 0, size - count);
            System.arraycopy(variances, count, variances, 0, size - count);
            size -= count;
        }
    }

    /** rows.get(0) holds single values (newest); the last row holds the oldest, largest buckets. */
    private final List<Row> rows = new ArrayList<>();
    private long time;
    private int width;
    private double total;
    /** Sum of squared deviations from the window mean (MOA keeps width · variance). */
    private double squaredDeviations;

    AdwinWindow() {
        rows.add(new Row());
    }

    int width() {
        return width;
    }

    double mean() {
        return width > 0 ? total / width : 0.0;
    }

    int bucketCount() {
        int n = 0;
        for (Row row : rows) {
            n += row.size;
        }
        return n;
    }

    /** Adds a value and, on the clock, drops old buckets while a cut is significant; returns whether any was dropped. */
    boolean add(double value, double delta) {
        time++;
        insert(value);
        return time % CHECK_PERIOD == 0 && width > MIN_WINDOW_LENGTH_FOR_CHECK && shrink(delta);
    }

    private void insert(double value) {
        width++;
        if (width > 1) {
            double previousMean = total / (width - 1);
            squaredDeviations += (width - 1) * (value - previousMean) * (value - previousMean) / width;
        }
        total += value;
        rows.get(0).append(value, 0.0);
        compress();
    }

    private void compress() {
        for (int i = 0; i < rows.size() && rows.get(i).size == MAX_BUCKETS_PER_ROW + 1; i++) {
            if (i + 1 == rows.size()) {
                rows.add(new Row());
            }
            Row row = rows.get(i);
            double bucketSize = bucketSize(i);
            double mean0 = row.totals[0] / bucketSize;
            double mean1 = row.totals[1] / bucketSize;
            double mergeVariance = bucketSize * bucketSize * (mean0 - mean1) * (mean0 - mean1) / (2 * bucketSize);
            rows.get(i + 1).append(row.totals[0] + row.totals[1], row.variances[0] + row.variances[1] + mergeVariance);
            row.dropOldest(2);
        }
    }

    private static int bucketSize(int row) {
        return 1 << row;
    }

    /** Scans cut points from the oldest end; drops the oldest bucket after each significant cut and rescans. */
    private boolean shrink(double delta) {
        boolean dropped = false;
        boolean rescan = true;
        while (rescan) {
            rescan = false;
            int olderCount = 0;
            int newerCount = width;
            double olderSum = 0;
            double newerSum = total;
            scan:
            for (int i = rows.size() - 1; i >= 0; i--) {
                Row row = rows.get(i);
                for (int k = 0; k < row.size; k++) {
                    olderCount += bucketSize(i);
                    newerCount -= bucketSize(i);
                    olderSum += row.totals[k];
                    newerSum -= row.totals[k];
                    if (i == 0 && k == row.size - 1) {
                        break scan;
                    }
                    double difference = olderSum / olderCount - newerSum / newerCount;
                    if (newerCount > MIN_SUB_WINDOW_LENGTH + 1 && olderCount > MIN_SUB_WINDOW_LENGTH + 1
                            && cutIsSignificant(olderCount, newerCount, difference, delta)) {
                        dropped = true;
                        rescan = true;
                        if (width > 0) {
                            dropOldestBucket();
                        }
                        break scan;
                    }
                }
            }
        }
        return dropped;
    }

    /**
     * ADWIN's cut test with the variance-based bound (Bifet and Gavaldà 2007, section 3.2, as
     * refined in MOA): |mean0 - mean1| > sqrt(2 m σ² ln(2 ln W / δ)) + (2/3) m ln(2 ln W / δ), with
     * m = 1/(n0 - 5 + 1) + 1/(n1 - 5 + 1) using the minimum sub-window length 5.
     */
    private boolean cutIsSignificant(int olderCount, int newerCount, double difference, double delta) {
        double logTerm = Math.log(2 * Math.log(width) / delta);
        double variance = squaredDeviations / width;
        double m = 1.0 / (olderCount - MIN_SUB_WINDOW_LENGTH + 1) + 1.0 / (newerCount - MIN_SUB_WINDOW_LENGTH + 1);
        double epsilon = Math.sqrt(2 * m * variance * logTerm) + 2.0 / 3.0 * logTerm * m;
        return Math.abs(difference) > epsilon;
    }

    private void dropOldestBucket() {
        int last = rows.size() - 1;
        Row row = rows.get(last);
        int n = bucketSize(last);
        width -= n;
        total -= row.totals[0];
        double bucketMean = row.totals[0] / n;
        double restMean = total / width;
        squaredDeviations -= row.variances[0] + n * width * (bucketMean - restMean) * (bucketMean - restMean) / (n + width);
        row.dropOldest(1);
        if (row.size == 0 && last > 0) {
            rows.remove(last);
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(time);
        out.writeInt(width);
        out.writeDouble(total);
        out.writeDouble(squaredDeviations);
        out.writeInt(rows.size());
        for (Row row : rows) {
            out.writeByte(row.size);
            for (int k = 0; k < row.size; k++) {
                out.writeDouble(row.totals[k]);
                out.writeDouble(row.variances[k]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        time = in.readLong();
        width = in.readInt();
        total = in.readDouble();
        squaredDeviations = in.readDouble();
        int rowCount = in.readInt();
        // A row per doubling of the bucket size: more rows than int bits cannot come from a real window.
        if (time < 0 || width < 0 || rowCount < 1 || rowCount > Integer.SIZE) {
            throw new IllegalArgumentException("corrupt adwin state: time " + time + ", width " + width
                    + ", rows " + rowCount);
        }
        rows.clear();
        long counted = 0;
        for (int i = 0; i < rowCount; i++) {
            Row row = new Row();
            int size = in.readByte();
            if (size < 0 || size > MAX_BUCKETS_PER_ROW) {
                throw new IllegalArgumentException("corrupt adwin state: row " + i + " has " + size + " buckets");
            }
            for (int k = 0; k < size; k++) {
                row.append(in.readDouble(), in.readDouble());
            }
            counted += (long) size << i;
            rows.add(row);
        }
        if (counted != width) {
            throw new IllegalArgumentException("corrupt adwin state: buckets hold " + counted
                    + " values but width is " + width);
        }
    }
}
