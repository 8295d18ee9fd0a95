package org.tutorgraph.reliability;

/**
 * The size switch of the reliability suite: every part runs small in each {@code mvn -B test} and at full size with
 * {@code -Dtutorgraph.slow=true} (what {@code .ci/run} does after the plain test run).
 */
final class Slow {

    private Slow() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("tutorgraph.slow");
    }

    /** {@code fast} in the default run, {@code full} in the slow one. */
    static int size(int fast, int full) {
        return enabled() ? full : fast;
    }
}
