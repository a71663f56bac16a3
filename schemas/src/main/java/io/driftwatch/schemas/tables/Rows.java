package io.driftwatch.schemas.tables;

import java.util.ArrayList;
import java.util.List;

/** Checks shared by the row records. */
final class Rows {

    private Rows() {
    }

    static void requireNonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
