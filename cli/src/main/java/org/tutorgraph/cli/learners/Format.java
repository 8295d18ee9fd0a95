package org.tutorgraph.cli.learners;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small formatting rules shared by the learners commands. */
final class Format {

    private Format() {
    }

    /** An instant to the second, in UTC (ISO 8601). */
    static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "1 event", "2 events". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** At most {@code max} characters of {@code text}, with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
