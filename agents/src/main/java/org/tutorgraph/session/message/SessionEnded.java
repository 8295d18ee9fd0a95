package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * The chat ended cleanly (a session without this message was interrupted: killed, or the machine stopped).
 *
 * @param reason how it ended
 * @param turns  student turns in this session
 */
public record SessionEnded(Reason reason, int turns) implements SessionMessage {

    /** How the chat ended. */
    public enum Reason {
        /** {@code /quit}. */
        QUIT,
        /** The input ended (Ctrl-D, or the end of a script). */
        END_OF_INPUT
    }

    public SessionEnded {
        Objects.requireNonNull(reason, "reason");
    }
}
