package io.driftwatch.flink.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and keywords, by edit distance. */
final class Suggestions {

    /** Typos of up to two edits, or a third of the word for long keys, are worth suggesting. */
    private static final int MIN_DISTANCE_ALLOWED = 2;
    private static final int WORD_LENGTH_PER_EDIT = 3;

    private Suggestions() {}

    static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(normalize(typed), normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(MIN_DISTANCE_ALLOWED, typed.length() / WORD_LENGTH_PER_EDIT);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or an empty string. */
    static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Case and separator differences ({@code bootstrap.servers}, {@code BootstrapServers}) count as no edit. */
    private static String normalize(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.\\s]", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
