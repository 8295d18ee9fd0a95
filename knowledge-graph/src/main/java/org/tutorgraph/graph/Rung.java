package org.tutorgraph.graph;

import java.util.Locale;
import java.util.Optional;

/**
 * The rungs of a hint ladder, lowest first (DESIGN §5). Rung 0 (the student's own attempt) has no text and is not listed.
 * Only {@link #BOTTOM_OUT} may tell the answer.
 */
public enum Rung {
    /** Focus the learner on the goal and on what they already know. */
    ORIENT("orient", 1),
    /** A question aimed at the diagnosed misconception or at the next sub-step. */
    PROBE("probe", 2),
    /** A sub-problem with its own answer, or an analogous worked example. */
    SCAFFOLD("scaffold", 3),
    /** The step shown with its reason: the only rung that reveals the answer. */
    BOTTOM_OUT("bottom-out", 4);

    private final String key;
    private final int level;

    Rung(String key, int level) {
        this.key = key;
        this.level = level;
    }

    /** The word used in course-pack files. */
    public String key() {
        return key;
    }

    /** 1 (orient) to 4 (bottom-out). */
    public int level() {
        return level;
    }

    public static Optional<Rung> fromKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Rung r : values()) {
            if (r.key.equals(k)) return Optional.of(r);
        }
        if (k.equals("bottomout")) return Optional.of(BOTTOM_OUT);
        return Optional.empty();
    }
}
