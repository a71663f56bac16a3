package io.driftwatch.schemas.events;

/** Keeps failure details short whatever the input. */
final class Texts {

    /** Quoted names and values in failure details are cut to this many chars. */
    static final int MAX_QUOTED_LENGTH = 64;

    private Texts() {}

    static String clip(String text) {
        return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }
}
