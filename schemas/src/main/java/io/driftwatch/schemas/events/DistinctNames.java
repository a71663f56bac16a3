package io.driftwatch.schemas.events;

import java.util.HashSet;
import java.util.Set;

/**
 * Detects a repeated name among those added since {@link #clear()}: a small open-addressing table on the names'
 * cached hashes (field names are canonical strings, so a repeat is usually the same instance), or a hash set past
 * {@value #TABLE_LIMIT} names, so a hostile payload with a hundred thousand names costs linear time, not
 * quadratic. Clearing is a generation bump, not a sweep. Reusable across events; not thread-safe.
 */
final class DistinctNames {

    /** Names held in the table before switching to a hash set; the table is twice as large (half full at most). */
    static final int TABLE_LIMIT = 32;
    private static final int TABLE_SIZE = TABLE_LIMIT * 2;
    private static final int SPREAD_SHIFT = 16;

    private final String[] table = new String[TABLE_SIZE];
    private final int[] generations = new int[TABLE_SIZE];
    private int generation = 1;
    private int count;
    private Set<String> many;

    void clear() {
        count = 0;
        many = null;
        if (++generation == 0) { // wrapped after 4 billion events: forget every slot for real
            java.util.Arrays.fill(generations, 0);
            generation = 1;
        }
    }

    /** Adds {@code name}; {@code false} when it was already added. */
    boolean add(String name) {
        if (many != null) {
            return many.add(name);
        }
        if (count == TABLE_LIMIT) {
            many = new HashSet<>();
            for (int i = 0; i < TABLE_SIZE; i++) {
                if (generations[i] == generation) {
                    many.add(table[i]);
                }
            }
            return many.add(name);
        }
        int hash = name.hashCode();
        for (int slot = (hash ^ (hash >>> SPREAD_SHIFT)) & (TABLE_SIZE - 1); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
            if (generations[slot] != generation) {
                generations[slot] = generation;
                table[slot] = name;
                count++;
                return true;
            }
            String seen = table[slot];
            if (seen == name || (seen.hashCode() == hash && seen.equals(name))) {
                return false;
            }
        }
    }
}
