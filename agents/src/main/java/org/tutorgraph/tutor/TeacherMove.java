package org.tutorgraph.tutor;

import org.tutorgraph.graph.Rung;

import java.util.Locale;

/**
 * What a tutor turn does, in MathDial's taxonomy (Macina et al., 2023): focus (guide the learner's attention to a
 * sub-step or what they know), probing (ask them to explain or check themselves), telling (reveal the strategy or the
 * answer), generic (greet, praise, manage the conversation). Telling belongs to bottom-out only.
 */
public enum TeacherMove {
    FOCUS, PROBING, TELLING, GENERIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The move of a rung's hint: orient and scaffold focus, probe probes, bottom-out tells. */
    public static TeacherMove of(Rung rung) {
        return switch (rung) {
            case ORIENT, SCAFFOLD -> FOCUS;
            case PROBE -> PROBING;
            case BOTTOM_OUT -> TELLING;
        };
    }
}
