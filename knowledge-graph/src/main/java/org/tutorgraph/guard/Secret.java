package org.tutorgraph.guard;

import java.util.Locale;

/**
 * An answer the guard protects at a given rung.
 *
 * @param kind   whose answer it is
 * @param answer the answer as the course wrote it
 */
public record Secret(Kind kind, String answer) {

    /** Whose answer a secret is. */
    public enum Kind {
        /** An accepted answer of the item. */
        ITEM_ANSWER,
        /** The answer of a scaffold rung above the message's rung. */
        SCAFFOLD_ANSWER;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
